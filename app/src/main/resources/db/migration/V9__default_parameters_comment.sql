-- The comment the default parameters of V2 wrote into drafts named RETAIN_ON_SUCCESS, which Flink 2.3 does not accept
-- (its values: DELETE_ON_CANCELLATION, RETAIN_ON_CANCELLATION, NO_EXTERNALIZED_CHECKPOINTS). Drafts get the corrected
-- comment line; published versions stay as they were frozen.
UPDATE draft SET parameters = REPLACE(parameters,
    '# RETAIN_ON_CANCELLATION and RETAIN_ON_SUCCESS keep checkpoints after the job ends',
    '# RETAIN_ON_CANCELLATION keeps checkpoints after a cancel; NO_EXTERNALIZED_CHECKPOINTS keeps none')
WHERE parameters LIKE '%RETAIN_ON_SUCCESS keep checkpoints after the job ends%';
