ALTER TABLE `publications` ADD `explanations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE `publications` SET `explanations` = COALESCE((SELECT `reports`.`explanations` FROM `reports` WHERE `reports`.`id` = `publications`.`report_id`), '{}') WHERE `imported_from` IS NULL;
