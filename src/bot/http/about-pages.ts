/**
 * The short privacy and terms pages the Teams app's details link to (the manifest's defaults).
 * A PCN may point the manifest at its own notices instead (PRIVACY_URL, TERMS_URL).
 */
export interface AboutPages {
  home: string;
  privacy: string;
  terms: string;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>body{font-family:Arial,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5;color:#212b32}h1{color:#005eb8}</style></head><body><h1>${title}</h1>${body}</body></html>`;
}

export function aboutPages(pcnName: string, sessionLogRetentionDays: number): AboutPages {
  const pcn = escape(pcnName);
  return {
    home: page(
      'Health and Wellbeing Coach assistant',
      `<p>A Microsoft Teams app for ${pcn}. Find it in Teams under Apps. It helps practice staff decide whether to refer someone to the Health and Wellbeing Coach, reminds coaches about supervision, and gives PCN leads role-awareness cards and activity reports.</p>
<p>Questions go to your PCN lead. <a href="/privacy">Privacy</a> · <a href="/terms">Terms of use</a></p>`,
    ),
    privacy: page(
      'Privacy: Health and Wellbeing Coach assistant',
      `<p>${pcn} runs this Microsoft Teams app for its staff, and is the data controller for what it keeps. The PCN's own privacy notice applies.</p>
<h2>What it keeps</h2><ul>
<li>Anonymous referral outcomes: the month, the practice code, the suggested route and reason codes.</li>
<li>Coaches' supervision schedules and whether each session happened.</li>
<li>Coaching session logs: date, length, mode, format, attendance, referral source, optional outcome scores and an optional local pseudonym. Each log is deleted after ${sessionLogRetentionDays} days.</li>
<li>Teams conversation details needed to send reminders and channel posts, and an audit of channel posts.</li></ul>
<h2>What it never asks for or keeps</h2>
<p>Patient names, NHS numbers, dates of birth, addresses, or clinical notes. The clinical record and its coding belong in the GP system.</p>
<p>Everything is stored in the PCN's own Azure Cosmos DB account.</p>`,
    ),
    terms: page(
      'Terms of use: Health and Wellbeing Coach assistant',
      `<p>For staff of ${pcn} and its member practices, in Microsoft Teams.</p>
<p>The referral suggestions support, and never replace, clinical judgement. In an emergency or where there is a safeguarding concern, follow your practice's usual urgent routes at once.</p>
<p>Do not enter patient identifiers. Questions about the app go to your PCN lead.</p>`,
    ),
  };
}
