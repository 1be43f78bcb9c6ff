/**
 * Draws the Teams app icons (a speech bubble holding a heart: talking about wellbeing) and writes
 * them to manifest/: color.png, 192x192 on NHS blue, and outline.png, 32x32, white on transparent,
 * as Teams requires. Run with `npm run icons`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './launch';
import { encodePng, type RgbaImage } from './png';

type Rgb = readonly [number, number, number];
/** A shape in a unit square (0..1 on both axes): is this point inside? */
type Shape = (x: number, y: number) => boolean;

const NHS_BLUE: Rgb = [0x00, 0x5e, 0xb8];
const WHITE: Rgb = [0xff, 0xff, 0xff];

function roundedRect(left: number, top: number, right: number, bottom: number, r: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) {
      return false;
    }
    const cx = Math.min(Math.max(x, left + r), right - r);
    const cy = Math.min(Math.max(y, top + r), bottom - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function triangle(a: [number, number], b: [number, number], c: [number, number]): Shape {
  const side = (p: [number, number], q: [number, number], x: number, y: number): number =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

/** The classic heart curve (x² + y² − 1)³ − x²y³ ≤ 0, centred on (cx, cy). */
function heart(cx: number, cy: number, size: number): Shape {
  return (x, y) => {
    const u = (x - cx) / size;
    const v = -(y - cy) / size + 0.15;
    return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

const bubble: Shape = union(
  roundedRect(0.16, 0.2, 0.84, 0.68, 0.12),
  triangle([0.28, 0.6], [0.46, 0.6], [0.24, 0.84]),
);

/** The same bubble drawn as a line, thick enough to read at 32 pixels. */
const bubbleOutline: Shape = union(
  minus(roundedRect(0.08, 0.12, 0.92, 0.7, 0.16), roundedRect(0.16, 0.2, 0.84, 0.62, 0.09)),
  triangle([0.24, 0.66], [0.44, 0.66], [0.18, 0.92]),
);

/** Paints layers in order, 4x4 samples per pixel for smooth edges. */
function paint(
  size: number,
  background: Rgb | undefined,
  layers: ReadonlyArray<{ shape: Shape; colour: Rgb }>,
): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = background;
          for (const layer of layers) {
            if (layer.shape(x, y)) {
              colour = layer.colour;
            }
          }
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const at = (py * size + px) * 4;
      // Colour is averaged over covered samples; coverage becomes alpha.
      pixels[at] = a ? Math.round(r / a) : 0;
      pixels[at + 1] = a ? Math.round(g / a) : 0;
      pixels[at + 2] = a ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

export function colourIcon(): RgbaImage {
  return paint(192, NHS_BLUE, [
    { shape: bubble, colour: WHITE },
    { shape: heart(0.5, 0.44, 0.13), colour: NHS_BLUE },
  ]);
}

export function outlineIcon(): RgbaImage {
  return paint(32, undefined, [
    { shape: bubbleOutline, colour: WHITE },
    { shape: heart(0.5, 0.41, 0.14), colour: WHITE },
  ]);
}

if (require.main === module) {
  writeFileSync(join(ROOT, 'manifest', 'color.png'), encodePng(colourIcon()));
  writeFileSync(join(ROOT, 'manifest', 'outline.png'), encodePng(outlineIcon()));
  console.log('Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).');
}
