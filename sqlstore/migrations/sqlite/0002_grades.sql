-- Grades of the pipeline: every deal has one, from prospect to quoted while
-- open, won, lost or walked once closed. The rules that derive it from the
-- evidence are the pipeline's; the column only keeps the result.
ALTER TABLE deals ADD COLUMN grade TEXT NOT NULL DEFAULT 'prospect'
	CHECK (grade IN ('prospect', 'pain', 'sponsor', 'power', 'plan', 'proven', 'quoted',
	                 'won', 'lost', 'walked'));

-- The pipeline and the forecast read open deals per seller and grade: this
-- index holds every column they need, so the sums never touch the table. The
-- queries must say status = 'open' as a literal for SQLite to use it.
CREATE INDEX deals_pipeline ON deals (owner_id, grade, value, close_date)
	WHERE status = 'open';

-- The forecast dates a deal by its agreed plan's decision when there is one.
CREATE INDEX plans_agreed ON plans (deal_id, version) WHERE agreed_at IS NOT NULL;
