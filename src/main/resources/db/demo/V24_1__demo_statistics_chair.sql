-- Demo data: the Working Group on Statistics' chair, a Canadian delegate, chairing 2015 to 2017
-- like the Working Group on Monitoring's (V9_1). It closed the 2014 and 2015 statistics.
INSERT INTO account (username, password_hash, full_name, email, organisation_id, preferred_language, active, password_change_required, security_stamp, created_at)
SELECT 'wgs', '{bcrypt}$2a$10$eDt15YnKXZmC1L5QE0pf8OwCD43fwkSVlomi4WmgjkKqhK2pN4XJm', 'Émilie Tremblay', 'wgs@delegations.example', id, 'en', TRUE, FALSE, 0, '2016-01-04 08:00:00' FROM organisation WHERE code = 'ca';

INSERT INTO account_role (account_id, role) SELECT a.id, r.role FROM (
SELECT 'DELEGATE' AS role
    UNION ALL SELECT 'WORKING_GROUP_CHAIR'
) r JOIN account a ON a.username = 'wgs';

UPDATE working_group SET chair_account_id = (SELECT id FROM account WHERE username = 'wgs'),
    chair_from = '2015-01-01', chair_until = '2017-12-31' WHERE code = 'wgs';

-- V19_1 gave every demo account that needs a second factor the README's authenticator key before
-- this account existed: the same key, encrypted with the demo profile's key, for this one.
INSERT INTO second_factor (account_id, secret, last_used_step, enrolled_at)
SELECT a.id,
       'fadbfd27c59a3546fd9bd0cdaa5e5fd5092f5033dede48b816a0bbfb2319a7ec46454aae43b06582f91ec544e21444a5f8bbd6a5a33384be7a3e02028de1e20a',
       0, a.created_at
FROM account a
WHERE a.username = 'wgs';
