-- Schema 7: the spine as the work plan says it (issue 17). R1's two further facts of the lead
-- applicant (正常开展研发、生产和经营活动; 有健全财务制度) and the separately counted branch that the
-- plan treats as an independent legal person (单独入统的分公司视同具有独立法人资格). Not declared: NULL.

ALTER TABLE applications ADD COLUMN normal_operation BOOLEAN;
ALTER TABLE applications ADD COLUMN sound_financial_system BOOLEAN;
ALTER TABLE applications ADD COLUMN separately_counted_branch BOOLEAN;
