-- Cell ids of table 三 now name their column by its figure key (requests.<row>.natural …
-- requests.<row>.total, requests.col.<column>) instead of numbering it (requests.<row>.0 …,
-- requests.col.0 … 6). Stored review comments and the keys of stored explanations
-- ("<code>:<target>") are rewritten; nothing else holds a cell id.
UPDATE `review_comments`
SET `target` = substr(`target`, 1, length(`target`) - 1) || CASE substr(`target`, -1) WHEN '0' THEN 'natural' WHEN '1' THEN 'commercial' WHEN '2' THEN 'research' WHEN '3' THEN 'publicInterest' WHEN '4' THEN 'legal' WHEN '5' THEN 'other' WHEN '6' THEN 'total' END
WHERE `target` GLOB 'requests.*.[0-6]' AND (`target` NOT GLOB 'requests.*.6' OR `target` = 'requests.col.6');
--> statement-breakpoint
UPDATE `reports`
SET `explanations` = (
  SELECT json_group_object(
    CASE WHEN key GLOB '*:requests.*.[0-6]' AND (key NOT GLOB '*.6' OR key GLOB '*:requests.col.6')
      THEN substr(key, 1, length(key) - 1) || CASE substr(key, -1) WHEN '0' THEN 'natural' WHEN '1' THEN 'commercial' WHEN '2' THEN 'research' WHEN '3' THEN 'publicInterest' WHEN '4' THEN 'legal' WHEN '5' THEN 'other' WHEN '6' THEN 'total' END
      ELSE key END,
    value)
  FROM json_each(`reports`.`explanations`)
)
WHERE json_valid(`explanations`) AND `explanations` GLOB '*requests.*.[0-6]"*';
