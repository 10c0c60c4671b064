-- Migration number: 0006 	 The PLAN, CHECK and ACT of backlog items (issue 17): an objective with one measure, its
-- baseline as the worker computed it, a target and a review date; the last Check and the last Act. Every change is
-- also written to the item's audit trail.
CREATE TABLE item_plans (
	workspace_id TEXT NOT NULL,
	item_id TEXT NOT NULL,
	-- The plan as PlanSchema gives it (objective, measure, categories, baseline and its weeks, target, review date).
	plan TEXT NOT NULL,
	review_on TEXT NOT NULL,
	set_at TEXT NOT NULL,
	-- The last Check ({on, from, to, measured, verdict, reason}) and the last Act ({at, cause, next, reason}), as JSON.
	last_check TEXT,
	checked_on TEXT,
	last_act TEXT,
	PRIMARY KEY (workspace_id, item_id)
) WITHOUT ROWID;
-- Overdue reviews: plans whose review date passed, in date order.
CREATE INDEX item_plans_review ON item_plans (workspace_id, review_on);
