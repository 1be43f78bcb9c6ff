/**
 * `npm run package`: fills manifest/manifest.template.json from the environment, validates it
 * against the Teams schema bundled in @microsoft/app-manifest (offline), checks the icons, and
 * writes manifest/build/hwbc-teams-app-<version>.zip, ready to upload to Teams.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import {
  checkIcons,
  fillTemplate,
  readPackageSettings,
  type PackageSettings,
} from './app-package-checks';
import { ROOT } from './launch';

export interface BuiltPackage {
  manifest: AppManifest;
  /** Why the package is not valid; empty when it is. */
  problems: string[];
  /** Written only when there are no problems. */
  zipPath?: string;
}

export async function buildAppPackage(
  settings: PackageSettings,
  options: { version: string; outDir: string },
): Promise<BuiltPackage> {
  const manifestDir = join(ROOT, 'manifest');
  const template = readFileSync(join(manifestDir, 'manifest.template.json'), 'utf8');
  const siteUrl = `https://${settings.BOT_DOMAIN}`;
  const manifest = JSON.parse(
    fillTemplate(template, {
      VERSION: options.version,
      TEAMS_APP_ID: settings.TEAMS_APP_ID,
      BOT_ID: settings.MicrosoftAppId,
      BOT_DOMAIN: settings.BOT_DOMAIN,
      DEVELOPER_NAME: settings.DEVELOPER_NAME,
      WEBSITE_URL: settings.WEBSITE_URL ?? `${siteUrl}/`,
      PRIVACY_URL: settings.PRIVACY_URL ?? `${siteUrl}/privacy`,
      TERMS_URL: settings.TERMS_URL ?? `${siteUrl}/terms`,
    }),
  ) as AppManifest;
  const color = readFileSync(join(manifestDir, 'color.png'));
  const outline = readFileSync(join(manifestDir, 'outline.png'));
  const problems = [
    ...(await AppManifestUtils.validateAgainstSchema(manifest)),
    ...checkIcons(color, outline),
  ];
  if (problems.length > 0) {
    return { manifest, problems };
  }
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addFile('color.png', color);
  zip.addFile('outline.png', outline);
  mkdirSync(options.outDir, { recursive: true });
  const zipPath = join(options.outDir, `hwbc-teams-app-${options.version}.zip`);
  writeFileSync(zipPath, zip.toBuffer());
  return { manifest, problems, zipPath };
}

async function main(): Promise<void> {
  const read = readPackageSettings(process.env);
  if (!read.ok) {
    console.error(
      `Cannot build the Teams app package. Set these environment variables:\n- ${read.problems.join('\n- ')}\nSee docs/deploy.md.`,
    );
    process.exitCode = 1;
    return;
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const built = await buildAppPackage(read.settings, {
    version,
    outDir: process.env.APP_PACKAGE_OUT_DIR ?? join(ROOT, 'manifest', 'build'),
  });
  if (!built.zipPath) {
    console.error(`The manifest is not valid:\n- ${built.problems.join('\n- ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `Valid against the Teams v${built.manifest.manifestVersion} schema. Wrote ${built.zipPath}`,
  );
}

if (require.main === module) {
  void main();
}
