// Preloaded (node -r) into the real kaohe binary by the benchmark: report peak memory at exit.
process.on("exit", (code) => process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS} EXIT ${code}\n`));
