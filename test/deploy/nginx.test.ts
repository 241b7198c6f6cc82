/**
 * Serve it for real: build dist/ for an HTTPS URL, serve it with nginx and the documented
 * configuration (deploy/nginx-kaohe.conf) with a throwaway certificate, and open the pane in headless
 * Chromium. Offline, office.js cannot load: the pane must say it needs Excel, not hang or go blank.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { get } from "https";
import * as path from "path";
import type { Browser } from "playwright-core";
import { haveChromium, launch } from "../helpers/browser";
import { tempDir } from "../helpers/files";
import { checkManifest } from "../../tools/manifest-checks";

const ROOT = path.resolve(__dirname, "../..");
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find(existsSync);
const ready = NGINX !== undefined && haveChromium();
const suite = ready || process.env.CI ? describe : describe.skip;
const PORT = 20000 + (process.pid % 20000);
const BASE = `https://localhost:${PORT}/addin/`;

function fetchHead(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on("error", reject);
  });
}

suite("production build served by nginx over HTTPS", () => {
  let dir: string;
  let www: string;
  let nginx: ChildProcess;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir();
    chmodSync(dir, 0o755); // nginx's workers (www-data) must be able to read the served files
    www = path.join(dir, "www");
    const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", `urlProd=${BASE}`, "--env", `outDir=${path.join(www, "addin")}`], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed\n${build.stdout}\n${build.stderr}`);
    expect(build.stdout).toMatch(/\[kaohe\] taskpane: initial JavaScript [\d.]+ KB gzipped \(budget 250 KB\)/);

    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path.join(dir, "kaohe.key"), "-out", path.join(dir, "kaohe.crt"), "-days", "1", "-subj", "/CN=localhost"], { stdio: "ignore" });
    // The server block the build wrote (deploy/nginx-kaohe.conf with the CSP naming office.js's origin),
    // pointed at this test's port, certificate and files.
    const generated = readFileSync(path.join(www, "addin", "nginx-kaohe.conf"), "utf8");
    expect(generated).toBe(readFileSync(path.join(ROOT, "deploy/nginx-kaohe.conf"), "utf8")); // the default: worldwide CDN
    const site = generated
      .replace("listen 443 ssl;", `listen 127.0.0.1:${PORT} ssl;`)
      .replace("server_name kaohe.example.gov.cn;", "server_name localhost;")
      .replace("/etc/nginx/tls/kaohe.crt", path.join(dir, "kaohe.crt"))
      .replace("/etc/nginx/tls/kaohe.key", path.join(dir, "kaohe.key"))
      .replace("root /srv/www;", `root ${www};`);
    mkdirSync(path.join(dir, "logs"));
    const conf = path.join(dir, "nginx.conf");
    writeFileSync(conf, `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${dir}/tmp;\n  proxy_temp_path ${dir}/tmp;\n  fastcgi_temp_path ${dir}/tmp;\n  uwsgi_temp_path ${dir}/tmp;\n  scgi_temp_path ${dir}/tmp;\n${site}\n}\n`);
    mkdirSync(path.join(dir, "tmp"));
    nginx = spawn(NGINX as string, ["-p", dir, "-c", conf, "-g", "daemon off;"], { stdio: "ignore" });
    let up = false;
    for (let i = 0; i < 50 && !up; i++) {
      try {
        up = (await fetchHead(`${BASE}manifest.xml`)).status === 200;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (!up) throw new Error(`nginx did not start:\n${readFileSync(path.join(dir, "logs/error.log"), "utf8")}`);
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    nginx?.kill();
  });

  it("ships a self-contained dist/ with a production manifest that passes the checks", () => {
    const addin = path.join(www, "addin");
    const xml = readFileSync(path.join(addin, "manifest.xml"), "utf8");
    expect(xml).not.toContain("localhost:3000");
    expect(checkManifest(xml, { root: addin, baseUrl: BASE })).toEqual([]);
    const files = readdirSync(addin);
    expect(files.filter((f) => /^taskpane\.[0-9a-f]{12}\.js$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith("harness"))).toEqual([]); // the browser-test harness never ships
    for (const s of [16, 32, 64, 80, 128]) expect(existsSync(path.join(addin, `assets/icon-${s}.png`))).toBe(true);
    // The only external script is Microsoft's office.js.
    const html = readFileSync(path.join(addin, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts.filter((s) => /^https?:/.test(s ?? ""))).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
  });

  it("serves every file with the documented cache headers and the CSP", async () => {
    const addin = path.join(www, "addin");
    const html = await fetchHead(`${BASE}taskpane.html`);
    expect(html.status).toBe(200);
    expect(html.headers["cache-control"]).toBe("no-cache");
    expect(String(html.headers["content-security-policy"])).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(String(html.headers["content-security-policy"])).not.toContain("unsafe");
    expect((await fetchHead(`${BASE}manifest.xml`)).headers["cache-control"]).toBe("no-cache");
    const js = readdirSync(addin).find((f) => /^taskpane\..+\.js$/.test(f));
    const css = readdirSync(path.join(addin, "assets")).find((f) => f.endsWith(".css"));
    for (const f of [js, `assets/${css}`]) {
      const r = await fetchHead(`${BASE}${f}`);
      expect([f, r.status, r.headers["cache-control"]]).toEqual([f, 200, "public, max-age=31536000, immutable"]);
    }
    const icon = await fetchHead(`${BASE}assets/icon-32.png`);
    expect([icon.status, icon.headers["cache-control"], icon.headers["content-type"]]).toEqual([200, "public, max-age=86400", "image/png"]);
  });

  it("renders the start screen offline: the pane says it needs Excel, every asset loads, the CSP holds", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN" });
    const page = await context.newPage();
    const failed: string[] = [];
    const loaded: string[] = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("response", (r) => {
      if (r.url().startsWith(BASE)) loaded.push(`${r.status()} ${r.url().slice(BASE.length)}`);
    });
    // Offline like CI: Microsoft's CDN is unreachable (answer at once rather than wait for a timeout).
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort("internetdisconnected"));
    await page.goto(`${BASE}taskpane.html`);
    await page.waitForSelector("#needs-excel", { timeout: 20_000 });
    expect(await page.locator("#needs-excel h2").innerText()).toBe("Kaohe 需要在 Excel 中运行");
    expect(failed).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(loaded.every((l) => l.startsWith("200 "))).toBe(true);
    expect(loaded.some((l) => /taskpane\..+\.js$/.test(l))).toBe(true);
    // An inline script injected into the page is refused by the policy.
    const blocked = await page.evaluate(() => new Promise<boolean>((resolve) => {
      document.addEventListener("securitypolicyviolation", () => resolve(true), { once: true });
      const s = document.createElement("script");
      s.textContent = "window.kaoheInline = 1";
      document.head.appendChild(s);
      setTimeout(() => resolve(false), 1000);
    }));
    expect(blocked).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { kaoheInline?: number }).kaoheInline)).toBeUndefined();
    await context.close();
  });

  it("serves the offline page beside the pane: it scores a workbook over https with no other request", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN", acceptDownloads: true });
    const page = await context.newPage();
    const elsewhere: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(`${BASE}web/`) && !r.url().startsWith("blob:")) elsewhere.push(r.url());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${BASE}web/index.html`);
    await page.setInputFiles("#workbook", path.join(ROOT, "examples/kaohe-example.xlsx"));
    await page.waitForSelector("#rubric");
    await page.click("#score");
    await page.waitForSelector("#download");
    expect(await page.locator("#summary .counts").innerText()).toMatch(/已评分 \d+/);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
