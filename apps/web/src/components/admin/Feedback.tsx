/** The outcome of the last action: an error (alert) or a confirmation (status). */
export function Feedback({ error, message }: { error?: string | null; message?: React.ReactNode }) {
  if (error) return <p className="alert error" role="alert">{error}</p>;
  if (message) return <div className="alert ok" role="status">{message}</div>;
  return null;
}
