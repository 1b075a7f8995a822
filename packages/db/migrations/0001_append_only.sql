-- report_events and audit_log are the record of who did what: rows may be added, never changed or removed.
CREATE TRIGGER `report_events_no_update` BEFORE UPDATE ON `report_events`
BEGIN
	SELECT RAISE(ABORT, 'report_events 只允许追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `report_events_no_delete` BEFORE DELETE ON `report_events`
BEGIN
	SELECT RAISE(ABORT, 'report_events 只允许追加，不能删除');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log 只允许追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log 只允许追加，不能删除');
END;
