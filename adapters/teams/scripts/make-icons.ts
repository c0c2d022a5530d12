/**
 * Draws the Teams app icons: `color.png` 192×192 (white four-pointed star and ring on NATO blue) and
 * `outline.png` 32×32 (the same shape in white on transparent, as Teams requires for the outline icon).
 * Run: `npx tsx adapters/teams/scripts/make-icons.ts` (the PNGs are committed; rerun after changing the drawing).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "./png.js";

type Rgba = [number, number, number, number];

/** Coverage (0–1) of the emblem at (x, y) in a unit square centred on 0: a ring and a four-pointed star. */
function emblem(x: number, y: number, stroke: number): number {
  const r = Math.hypot(x, y);
  const ring = Math.abs(r - 0.36) < stroke ? 1 : 0;
  // Four-pointed star: |x|^0.5 + |y|^0.5 ≤ k, a classic astroid-like compass shape.
  const star = Math.sqrt(Math.abs(x)) + Math.sqrt(Math.abs(y)) <= 0.62 ? 1 : 0;
  return Math.max(ring, star);
}

export function drawIcon(size: number, background: Rgba | null, foreground: Rgba, stroke: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const samples = 4; // 4×4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const ux = (x + (sx + 0.5) / samples) / size - 0.5;
          const uy = (y + (sy + 0.5) / samples) / size - 0.5;
          cover += emblem(ux, uy, stroke);
        }
      }
      cover /= samples * samples;
      const i = (y * size + x) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) px[i + c] = Math.round(background[c]! * (1 - cover) + foreground[c]! * cover);
        px[i + 3] = 255;
      } else {
        px.set([foreground[0], foreground[1], foreground[2], Math.round(255 * cover)], i);
      }
    }
  }
  return px;
}

export const ICONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "icons");

export function writeIcons(dir = ICONS_DIR): void {
  fs.mkdirSync(dir, { recursive: true });
  const white: Rgba = [255, 255, 255, 255];
  fs.writeFileSync(path.join(dir, "color.png"), encodePng(192, 192, drawIcon(192, [0, 73, 144, 255], white, 0.035)));
  fs.writeFileSync(path.join(dir, "outline.png"), encodePng(32, 32, drawIcon(32, null, white, 0.05)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writeIcons();
