-- Grades of the pipeline: every deal has one, from prospect to quoted while
-- open, won, lost or walked once closed. The rules that derive it from the
-- evidence are the pipeline's; the column only keeps the result.
ALTER TABLE deals ADD COLUMN grade text NOT NULL DEFAULT 'prospect'
	CONSTRAINT deals_grade_check
	CHECK (grade IN ('prospect', 'pain', 'sponsor', 'power', 'plan', 'proven', 'quoted',
	                 'won', 'lost', 'walked'));

-- The pipeline and the forecast read open deals per seller and grade: this
-- index holds every column they need, so the sums can be read from the index
-- alone. The queries say status = 'open' as a literal, so that a prepared
-- statement's generic plan can use it too.
CREATE INDEX deals_pipeline ON deals (owner_id, grade) INCLUDE (value, close_date)
	WHERE status = 'open';

-- The forecast dates a deal by its agreed plan's decision when there is one.
CREATE INDEX plans_agreed ON plans (deal_id, version) WHERE agreed_at IS NOT NULL;

-- A search for a rare word should find its few matches through the index; a
-- search for a common one should walk the newest meetings. The planner tells
-- them apart by how often each word occurs, which it knows only for the most
-- common words: 100 by default, too few for notes, so that a rare word looked
-- as common as one in 200 meetings and a search for it read the whole table.
ALTER TABLE meetings ALTER COLUMN search SET STATISTICS 1000;
