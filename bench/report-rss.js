// Preloaded (node -r) into the real kaohe binary by the benchmark: report peak memory and CPU time at exit.
process.on("exit", (code) => {
  const u = process.resourceUsage();
  process.stderr.write(`MAXRSS ${u.maxRSS} CPU ${(u.userCPUTime + u.systemCPUTime) / 1e6} EXIT ${code}\n`);
});
