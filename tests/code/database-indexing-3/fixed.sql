-- The fixed version of the database-indexing-3 listing: a unique tie-breaker
-- (id) in the sort and in the cursor, and an index that serves the filter and
-- the sort together, so each page is one index seek with no sort step.
CREATE TABLE candidates (
  id             INTEGER PRIMARY KEY,
  tenant_id      INTEGER NOT NULL,
  full_name      TEXT    NOT NULL,
  last_active_at TEXT    NOT NULL  -- UTC, 'YYYY-MM-DD HH:MM:SS'
);
CREATE INDEX candidates_tenant_active
  ON candidates (tenant_id, last_active_at, id);

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO candidates (id, tenant_id, full_name, last_active_at)
SELECT i, i % 10, 'Candidate ' || i,
       CASE WHEN i <= 300 THEN '2026-11-20 09:00:00'
            ELSE datetime('2026-11-01', '+' || (i * 7) || ' minutes') END
FROM n;

-- First page
SELECT id, full_name, last_active_at FROM candidates
WHERE tenant_id = 7
ORDER BY last_active_at DESC, id DESC
LIMIT 20;

-- Every later page: the cursor is the previous page's last (last_active_at, id).
-- Page 6 (the first-page query with OFFSET 100) ends at 2026-11-20 09:00:00,
-- id 127, so this asks for page 7: the 12 tied rows left over come first.
.parameter set :cursor_at '2026-11-20 09:00:00'
.parameter set :cursor_id 127
SELECT id, full_name, last_active_at FROM candidates
WHERE tenant_id = 7 AND (last_active_at, id) < (:cursor_at, :cursor_id)
ORDER BY last_active_at DESC, id DESC
LIMIT 20;
