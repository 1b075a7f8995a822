/** Plain links to files: they work without JavaScript and from the keyboard. */
export function Downloads({ label, links }: { label: string; links: readonly { href: string; text: string; note?: string }[] }) {
  return (
    <nav aria-label={label} className="downloads no-print">
      <span className="muted small">{label}：</span>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} download>
              {l.text}
            </a>
            {l.note && <span className="muted small">（{l.note}）</span>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
