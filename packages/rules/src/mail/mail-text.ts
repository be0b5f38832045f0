/**
 * Lines where the quoted part of a reply or forward begins: a "> " line, "On … wrote:" (Gmail, Apple Mail, Thunderbird;
 * Gmail may wrap it over two lines), Outlook's "-----Original Message-----" and "From: … Sent: …" header block, its
 * underscore rule, and the forwarded-message banners.
 */
const QUOTE_STARTS: readonly RegExp[] = [
  /^>/m,
  /^On\s[^\n]{1,200}(?:\r?\n[^\n]{1,200})?\swrote:[ \t]*\r?$/im,
  /^Le\s[^\n]{1,200}(?:\r?\n[^\n]{1,200})?\sa écrit\s?:[ \t]*\r?$/im,
  /^Am\s[^\n]{1,200}(?:\r?\n[^\n]{1,200})?\sschrieb[^\n]{0,100}:[ \t]*\r?$/im,
  /^-{2,}\s*Original Message\s*-{2,}/im,
  /^-{2,}\s*Forwarded message\s*-{2,}/im,
  /^Begin forwarded message:/im,
  /^_{10,}\s*$/m,
  /^From:\s.+\r?\n(?:.*\r?\n){0,3}?(?:Sent|Date):\s.+/im,
];

/** A forwarded message's banners, as Gmail, Outlook, Apple Mail and Thunderbird write them. */
const FORWARD_BANNERS: readonly RegExp[] = [
  /^-{2,}\s*Forwarded message\s*-{2,}/im,
  /^Begin forwarded message:/im,
  /^-{2,}\s*(?:Weitergeleitete Nachricht|Message transféré)\s*-{2,}/im,
];
/** "Fwd:", "Fw:", "FW:", after any "Re:"; German "WG:", French "TR:". */
const FORWARD_SUBJECT = /^(?:\s*(?:re|aw|sv)\s*:)*\s*(?:fwd?|wg|tr)\s*:/i;

/** The new text of a message (what its sender wrote) and the quoted or forwarded text below it. */
export function splitQuoted(text: string): { fresh: string; quoted: string } {
  let cut = text.length;
  for (const re of QUOTE_STARTS) {
    const m = re.exec(text);
    if (m && m.index < cut) cut = m.index;
  }
  return { fresh: text.slice(0, cut).trimEnd(), quoted: text.slice(cut).trim() };
}

/** Whether a message forwards another (its subject, or a forward banner in its text). */
export function isForwarded(subject: string, text: string): boolean {
  return FORWARD_SUBJECT.test(subject ?? '') || FORWARD_BANNERS.some((re) => re.test(text ?? ''));
}
