/**
 * Loaded with `node --import ./dist/bench/cpu-report.js` by bench:scale: when the process exits,
 * appends its CPU time (user and system too) and peak RSS (one JSON line) to the file named by FOLLOWUP_CPU_REPORT.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.FOLLOWUP_CPU_REPORT;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const usage = process.resourceUsage();
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, cpuMs: (cpu.user + cpu.system) / 1000, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, maxRssMb: usage.maxRSS / 1024 })}\n`);
  });
}
