/** Read a card's content the way a user sees it: its words, its facts, its inputs and buttons. */
type Node = Record<string, unknown>;

function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) {
    return value.flatMap(nodes);
  }
  if (typeof value === 'object' && value !== null) {
    const node = value as Node;
    return [node, ...Object.values(node).flatMap(nodes)];
  }
  return [];
}

/** Every piece of text on the card: text blocks, titles of buttons and choices, fact values. */
export function wordsOf(card: Node | undefined): string[] {
  const words: string[] = [];
  for (const n of nodes(card)) {
    for (const key of ['text', 'title']) {
      const word = n[key];
      if (typeof word === 'string') {
        words.push(word);
      }
    }
  }
  return [...words, ...Object.values(factsOf(card))];
}

/** The card's words as one string, for `toContain`. */
export const textOf = (card: Node | undefined): string => wordsOf(card).join('\n');

/** Fact titles to values, from every FactSet on the card. */
export function factsOf(card: Node | undefined): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const n of nodes(card)) {
    if (n.type === 'FactSet' && Array.isArray(n.facts)) {
      for (const fact of n.facts as Array<{ title?: unknown; value?: unknown }>) {
        if (typeof fact.title === 'string' && typeof fact.value === 'string') {
          facts[fact.title] = fact.value;
        }
      }
    }
  }
  return facts;
}

/** What each Submit button on the card sends, by its title. */
export function buttonsOf(card: Node | undefined): Array<{ title: string; data: Node }> {
  return nodes(card)
    .filter((n) => n.type === 'Action.Submit')
    .map((n) => ({
      title: typeof n.title === 'string' ? n.title : '',
      data: typeof n.data === 'object' && n.data !== null ? (n.data as Node) : {},
    }));
}

/** The value an input on the card starts with, by its id. */
export function inputValue(card: Node | undefined, id: string): unknown {
  return nodes(card).find(
    (n) => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id,
  )?.value;
}

/** The first Container on the card with a text block saying exactly `text`: one row of a list. */
export function containerWith(card: Node | undefined, text: string): Node | undefined {
  return nodes(card).find(
    (n) =>
      n.type === 'Container' &&
      Array.isArray(n.items) &&
      (n.items as Node[]).some((item) => item.type === 'TextBlock' && item.text === text),
  );
}

/** Where each link button on the card opens, by its title. */
export function linksOf(card: Node | undefined): Array<{ title: string; url: string }> {
  return nodes(card)
    .filter((n) => n.type === 'Action.OpenUrl')
    .map((n) => ({
      title: typeof n.title === 'string' ? n.title : '',
      url: typeof n.url === 'string' ? n.url : '',
    }));
}
