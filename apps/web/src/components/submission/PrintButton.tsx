'use client';

/** 打印: the browser's print dialog (A4, the print stylesheet hides the page chrome). */
export function PrintButton() {
  return (
    <button type="button" className="btn" onClick={() => window.print()}>
      打印报送稿
    </button>
  );
}
