import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'dist', 'scripts', 'package-app.js');

const SETTINGS = {
  TEAMS_APP_ID: '6f1c2a4e-8d3b-4f5a-9c7e-1b2d3e4f5a6b',
  MicrosoftAppId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  BOT_DOMAIN: 'hwbc-bot.azurewebsites.net',
  DEVELOPER_NAME: 'Riverside PCN',
};

/** Runs `npm run package`'s script as a user would, with only the given settings. */
function runPackage(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string; outDir: string }> {
  if (!existsSync(SCRIPT)) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  const outDir = mkdtempSync(join(tmpdir(), 'app-package-'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT],
      { env: { PATH: process.env.PATH ?? '', APP_PACKAGE_OUT_DIR: outDir, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, outDir });
      },
    );
  });
}

interface Manifest {
  manifestVersion: string;
  version: string;
  id: string;
  validDomains: string[];
  developer: { name: string; privacyUrl: string };
  bots: Array<{ botId: string; scopes: string[] }>;
}

describe('npm run package', () => {
  it('writes a zip with the manifest and both icons at its root, valid against the bundled schema', async () => {
    const run = await runPackage(SETTINGS);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Valid against the Teams v1\.30 schema\. Wrote .*hwbc-teams-app-\d+\.\d+\.\d+\.zip/,
    );
    const [file] = readdirSync(run.outDir);
    const zip = new AdmZip(join(run.outDir, file ?? ''));
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as Manifest;
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      id: SETTINGS.TEAMS_APP_ID,
      validDomains: ['hwbc-bot.azurewebsites.net'],
      developer: {
        name: 'Riverside PCN',
        privacyUrl: 'https://hwbc-bot.azurewebsites.net/privacy',
      },
    });
    expect(manifest.bots[0]).toMatchObject({
      botId: SETTINGS.MicrosoftAppId,
      scopes: ['personal', 'team', 'groupChat'],
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('fails on a manifest the schema rejects, says why, and writes no zip', async () => {
    const run = await runPackage({
      ...SETTINGS,
      DEVELOPER_NAME: 'Riverside Primary Care Network (example)',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The manifest is not valid:[\s\S]*developer\/name.*32 characters/);
    expect(readdirSync(run.outDir)).toEqual([]);
  });

  it('fails with the list of settings to provide when none are set', async () => {
    const run = await runPackage({});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Set these environment variables');
    expect(run.stderr).toContain('TEAMS_APP_ID: not set');
    expect(readdirSync(run.outDir)).toEqual([]);
  });
});
