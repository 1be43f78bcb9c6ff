/** The parts of packaging that need no schema library: settings, the template, the icons. */
import { z } from 'zod';
import { decodeRgbaPng, readPngHeader } from './png';

const guid = z.guid();
const httpsUrl = z.url({ protocol: /^https$/ });

export const packageSettingsSchema = z.object({
  TEAMS_APP_ID: guid.describe('the Teams app id (any new GUID, kept for the life of the app)'),
  MicrosoftAppId: guid.describe("the bot's id: the managed identity's client id"),
  BOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a host name such as hwbc-bot.azurewebsites.net')
    .describe("the bot's host name, without https://"),
  DEVELOPER_NAME: z.string().min(1).default('Your Primary Care Network'),
  WEBSITE_URL: httpsUrl.optional(),
  PRIVACY_URL: httpsUrl.optional(),
  TERMS_URL: httpsUrl.optional(),
});
export type PackageSettings = z.infer<typeof packageSettingsSchema>;

export function readPackageSettings(
  env: Record<string, string | undefined>,
): { ok: true; settings: PackageSettings } | { ok: false; problems: string[] } {
  const parsed = packageSettingsSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (parsed.success) {
    return { ok: true, settings: parsed.data };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const described = packageSettingsSchema.shape[key as keyof PackageSettings]?.description;
      const what = env[key] === undefined || env[key] === '' ? 'not set' : issue.message;
      return `${key}: ${what}${described ? ` (${described})` : ''}`;
    }),
  };
}

/** Puts values into `${{NAME}}` placeholders, JSON-escaped; a placeholder left unfilled is an error. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{([A-Z_]+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`The manifest template names \${{${name}}}, which has no value.`);
    }
    return JSON.stringify(value).slice(1, -1);
  });
}

/** Teams' icon rules: colour 192x192; outline 32x32, white on a transparent background. */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const colourHeader = readPngHeader(color);
  if (colourHeader.width !== 192 || colourHeader.height !== 192) {
    problems.push(
      `color.png must be 192x192 pixels, not ${colourHeader.width}x${colourHeader.height}.`,
    );
  }
  const image = decodeRgbaPng(outline);
  if (image.width !== 32 || image.height !== 32) {
    problems.push(`outline.png must be 32x32 pixels, not ${image.width}x${image.height}.`);
  }
  let opaque = 0;
  let coloured = 0;
  for (let at = 0; at < image.pixels.length; at += 4) {
    const [r, g, b, a] = [0, 1, 2, 3].map((i) => image.pixels[at + i] ?? 0) as [
      number,
      number,
      number,
      number,
    ];
    if (a > 0 && (r < 250 || g < 250 || b < 250)) {
      coloured += 1;
    }
    if (a === 255) {
      opaque += 1;
    }
  }
  if (coloured > 0) {
    problems.push(`outline.png must be white on transparent; ${coloured} pixels are coloured.`);
  }
  if (opaque === image.width * image.height) {
    problems.push('outline.png must have a transparent background.');
  }
  return problems;
}
