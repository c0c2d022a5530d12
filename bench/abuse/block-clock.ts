/**
 * How long a stretch held the event loop: its wall time, but never more than the CPU time the process spent in it.
 * Our code can only hold the loop by working; a wall-clock gap the process spent waiting for a core (a loaded
 * machine running other work) is the scheduler's, not a block. Process CPU counts every thread, so this still
 * over-counts the main thread, never under-counts it.
 */
export class BlockClock {
  private wall = performance.now();
  private cpu = process.cpuUsage();
  /** Milliseconds the loop may have been held since the last call (or construction), and starts a new stretch. */
  lap(): number {
    const wall = performance.now();
    const cpu = process.cpuUsage(this.cpu);
    const held = Math.min(wall - this.wall, (cpu.user + cpu.system) / 1000);
    this.wall = wall;
    this.cpu = process.cpuUsage();
    return held;
  }
}
