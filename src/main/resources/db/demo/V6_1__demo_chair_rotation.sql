-- Demo data: the chair rotation 2003–2016 from the reference facts, and Australia as 2017 Chair,
-- its Vice-Chair pending the selection decision under written procedure.
INSERT INTO chair_term (year, chair_organisation_id, vice_chair_organisation_id)
SELECT t.year, c.id, v.id FROM (
SELECT 2003 AS year, 'za' AS chair, 'ca' AS vice
    UNION ALL SELECT 2004, 'ca', 'ru'
    UNION ALL SELECT 2005, 'ru', 'bw'
    UNION ALL SELECT 2006, 'bw', 'eu'
    UNION ALL SELECT 2007, 'eu', 'in'
    UNION ALL SELECT 2008, 'in', 'na'
    UNION ALL SELECT 2009, 'na', 'il'
    UNION ALL SELECT 2010, 'il', 'cd'
    UNION ALL SELECT 2011, 'cd', 'us'
    UNION ALL SELECT 2012, 'us', 'za'
    UNION ALL SELECT 2013, 'za', 'cn'
    UNION ALL SELECT 2014, 'cn', 'ao'
    UNION ALL SELECT 2015, 'ao', 'ae'
    UNION ALL SELECT 2016, 'ae', 'au'
) t JOIN organisation c ON c.code = t.chair JOIN organisation v ON v.code = t.vice;

INSERT INTO chair_term (year, chair_organisation_id, candidate_organisation_id)
SELECT 2017, a.id, e.id FROM organisation a JOIN organisation e ON e.code = 'eu' WHERE a.code = 'au';

-- The Chair's office of the 2017 Chair, designated in advance: its rights start on 1 January 2017.
INSERT INTO account (username, password_hash, full_name, email, organisation_id, preferred_language, active, password_change_required, security_stamp, created_at)
SELECT 'chair-au', '{bcrypt}$2a$10$eDt15YnKXZmC1L5QE0pf8OwCD43fwkSVlomi4WmgjkKqhK2pN4XJm', 'Samuel Okafor-Reid', 'chair-au@kp-chair.example', id, 'en', TRUE, FALSE, 0, '2016-10-01 08:00:00' FROM organisation WHERE code = 'au';
INSERT INTO account_role (account_id, role) SELECT id, 'CHAIRS_OFFICE' FROM account WHERE username = 'chair-au';
