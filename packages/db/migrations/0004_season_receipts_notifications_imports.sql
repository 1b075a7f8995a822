CREATE TABLE `deadline_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`department_id` integer NOT NULL,
	`until` text NOT NULL,
	`reason` text NOT NULL,
	`granted_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deadline_extensions_uq` ON `deadline_extensions` (`year`,`department_id`);--> statement-breakpoint
CREATE TABLE `import_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`text` text NOT NULL,
	`storage_path` text NOT NULL,
	`uploaded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_sources_sha_uq` ON `import_sources` (`sha256`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text,
	`report_id` integer,
	`dedupe_key` text,
	`read_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_uq` ON `notifications` (`user_id`,`dedupe_key`);--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_no` text NOT NULL,
	`report_id` integer NOT NULL,
	`event_id` integer,
	`department_id` integer NOT NULL,
	`year` integer NOT NULL,
	`act` text NOT NULL,
	`version` integer NOT NULL,
	`user_id` integer,
	`user_name` text NOT NULL,
	`role` text NOT NULL,
	`content_sha256` text NOT NULL,
	`ruleset_version` text NOT NULL,
	`check_errors` integer NOT NULL,
	`check_warnings` integer NOT NULL,
	`check_codes` text DEFAULT '[]' NOT NULL,
	`note` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `report_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_no_uq` ON `receipts` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `receipts_report_idx` ON `receipts` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `report_scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`version` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`uploaded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_scans_report_idx` ON `report_scans` (`report_id`,`version`);--> statement-breakpoint
ALTER TABLE `publications` ADD `imported_from` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `imported_sha256` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `imported_at` integer;--> statement-breakpoint
ALTER TABLE `publications` ADD `imported_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `publications` ADD `original_published_at` text;--> statement-breakpoint
ALTER TABLE `reminders` ADD `read_at` integer;--> statement-breakpoint
ALTER TABLE `reporting_years` ADD `scan_required` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- 回执 are proof of what was filed: rows may be added, never changed or removed.
CREATE TRIGGER `receipts_no_update` BEFORE UPDATE ON `receipts`
BEGIN
	SELECT RAISE(ABORT, 'receipts 只允许追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `receipts_no_delete` BEFORE DELETE ON `receipts`
BEGIN
	SELECT RAISE(ABORT, 'receipts 只允许追加，不能删除');
END;
