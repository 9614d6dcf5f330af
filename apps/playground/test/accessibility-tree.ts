import type { Page } from 'playwright-core';

/** A node of Chromium's accessibility tree, as a screen reader is given it. */
export interface AXControl {
  role: string;
  name: string;
  description: string;
}

type AXValue = { value?: unknown } | undefined;
type AXNode = { ignored: boolean; role?: AXValue; name?: AXValue; description?: AXValue };

/**
 * Every node of the page's accessibility tree with one of `roles`, in document order, read over the
 * DevTools protocol (playwright-core no longer has page.accessibility): the names and descriptions
 * Chromium computes, not the attributes the page set.
 */
export async function axNodes(page: Page, roles: string[]): Promise<AXControl[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    // Trimmed: a label's markup can leave a space at the end of a name ('Function '), which no reader speaks.
    const text = (v: AXValue) => String(v?.value ?? '').trim();
    return nodes
      .filter((n) => !n.ignored && roles.includes(text(n.role)))
      .map((n) => ({ role: text(n.role), name: text(n.name), description: text(n.description) }));
  } finally {
    await cdp.detach();
  }
}
