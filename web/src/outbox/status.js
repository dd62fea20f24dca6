// What the person reads about a request, as an i18n key and its parameters;
// the widget formats it with the catalogs (ui.outbox.* in i18n/messages).

// The accessible name of the upload progress bar.
export const PROGRESS_LABEL_KEY = "ui.outbox.progress_label";

export function statusOf(type, detail) {
  switch (type) {
    case 'queued':
      if (!detail.saved) return { key: detail.offline ? "ui.outbox.unsaved_offline" : "ui.outbox.unsaved", params: {} };
      if (detail.otherTab) return { key: "ui.outbox.other_tab", params: {} };
      return { key: detail.offline ? "ui.outbox.offline" : "ui.outbox.queued", params: {} };
    case 'sending':
      return { key: detail.resumed ? "ui.outbox.sending_earlier" : "ui.outbox.sending", params: {} };
    case 'progress':
      return { key: "ui.outbox.progress", params: { percent: String(detail.total > 0 ? Math.floor((100 * detail.loaded) / detail.total) : 0) } };
    case 'sent':
      return { key: detail.resumed ? "ui.outbox.sent_earlier" : "ui.outbox.sent", params: { number: detail.number, due: detail.due_date } };
    case 'failed':
      if (detail.code === 'corrupt') return { key: "ui.outbox.corrupt", params: {} };
      if (!detail.transient) return { key: "ui.outbox.failed", params: {} };
      if (detail.offline) return { key: detail.saved ? "ui.outbox.offline" : "ui.outbox.unsaved_offline", params: {} };
      return { key: "ui.outbox.retrying", params: { seconds: String(Math.max(1, Math.ceil(detail.retryInMs / 1000))) } };
    case 'needs-fix':
      return { key: "ui.outbox.needs_fix", params: { count: String(detail.errors.length) } };
    default:
      return null;
  }
}
