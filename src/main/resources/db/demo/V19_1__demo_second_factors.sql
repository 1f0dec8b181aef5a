-- Demonstration only: every demo account whose role needs a second factor has one, all with the
-- same authenticator key, printed in the README (KIMBERLEYPROCESSDEMOSECRET234567), encrypted
-- here with the demo profile's key (portal.second-factor.key in application-demo.properties).
INSERT INTO second_factor (account_id, secret, last_used_step, enrolled_at)
SELECT a.id,
       'fadbfd27c59a3546fd9bd0cdaa5e5fd5092f5033dede48b816a0bbfb2319a7ec46454aae43b06582f91ec544e21444a5f8bbd6a5a33384be7a3e02028de1e20a',
       0, a.created_at
FROM account a
WHERE EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id
              AND r.role IN ('HEAD_OF_DELEGATION', 'ALTERNATE', 'CHAIRS_OFFICE', 'WORKING_GROUP_CHAIR', 'SYSTEM_ADMINISTRATOR'));
