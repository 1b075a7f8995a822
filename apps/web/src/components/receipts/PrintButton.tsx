'use client';

/** 打印: the browser's print dialog (the page's print styles drop the header and the buttons). */
export function PrintButton() {
  return (
    <button type="button" className="btn secondary" onClick={() => window.print()}>
      打印
    </button>
  );
}
