-- Demo data (profile demo only): the Kimberley Process as it stood in November 2016.
-- Composition from the reference facts; people and their names are invented.

INSERT INTO organisation (code, kind, name_en, name_fr, participant_status, observer_category, status_note) VALUES
    ('ao', 'PARTICIPANT', 'Angola', 'Angola', 'ACTIVE', NULL, NULL),
    ('am', 'PARTICIPANT', 'Armenia', 'Arménie', 'ACTIVE', NULL, NULL),
    ('au', 'PARTICIPANT', 'Australia', 'Australie', 'ACTIVE', NULL, NULL),
    ('bd', 'PARTICIPANT', 'Bangladesh', 'Bangladesh', 'ACTIVE', NULL, NULL),
    ('by', 'PARTICIPANT', 'Belarus', 'Bélarus', 'ACTIVE', NULL, NULL),
    ('bw', 'PARTICIPANT', 'Botswana', 'Botswana', 'ACTIVE', NULL, NULL),
    ('br', 'PARTICIPANT', 'Brazil', 'Brésil', 'ACTIVE', NULL, NULL),
    ('kh', 'PARTICIPANT', 'Cambodia', 'Cambodge', 'ACTIVE', NULL, NULL),
    ('cm', 'PARTICIPANT', 'Cameroon', 'Cameroun', 'ACTIVE', NULL, NULL),
    ('ca', 'PARTICIPANT', 'Canada', 'Canada', 'ACTIVE', NULL, NULL),
    ('cf', 'PARTICIPANT', 'Central African Republic', 'République centrafricaine', 'SUSPENDED', NULL, 'Suspended since 2013. Exports resumed only from the compliant zones of Berbérati, Boda, Carnot and Nola under the operational framework.'),
    ('cn', 'PARTICIPANT', 'China', 'Chine', 'ACTIVE', NULL, NULL),
    ('ci', 'PARTICIPANT', 'Côte d''Ivoire', 'Côte d''Ivoire', 'ACTIVE', NULL, NULL),
    ('cd', 'PARTICIPANT', 'Democratic Republic of the Congo', 'République démocratique du Congo', 'ACTIVE', NULL, NULL),
    ('eu', 'PARTICIPANT', 'European Union', 'Union européenne', 'ACTIVE', NULL, 'A regional economic integration organisation: one Participant for its 28 member states.'),
    ('ga', 'PARTICIPANT', 'Gabon', 'Gabon', 'APPLICANT', NULL, 'Applicant; invited to host an expert mission.'),
    ('gh', 'PARTICIPANT', 'Ghana', 'Ghana', 'ACTIVE', NULL, NULL),
    ('gn', 'PARTICIPANT', 'Guinea', 'Guinée', 'ACTIVE', NULL, NULL),
    ('gy', 'PARTICIPANT', 'Guyana', 'Guyana', 'ACTIVE', NULL, NULL),
    ('in', 'PARTICIPANT', 'India', 'Inde', 'ACTIVE', NULL, NULL),
    ('id', 'PARTICIPANT', 'Indonesia', 'Indonésie', 'ACTIVE', NULL, NULL),
    ('il', 'PARTICIPANT', 'Israel', 'Israël', 'ACTIVE', NULL, NULL),
    ('jp', 'PARTICIPANT', 'Japan', 'Japon', 'ACTIVE', NULL, NULL),
    ('kz', 'PARTICIPANT', 'Kazakhstan', 'Kazakhstan', 'ACTIVE', NULL, NULL),
    ('la', 'PARTICIPANT', 'Lao People''s Democratic Republic', 'République démocratique populaire lao', 'ACTIVE', NULL, NULL),
    ('lb', 'PARTICIPANT', 'Lebanon', 'Liban', 'ACTIVE', NULL, NULL),
    ('ls', 'PARTICIPANT', 'Lesotho', 'Lesotho', 'ACTIVE', NULL, NULL),
    ('lr', 'PARTICIPANT', 'Liberia', 'Libéria', 'ACTIVE', NULL, NULL),
    ('my', 'PARTICIPANT', 'Malaysia', 'Malaisie', 'ACTIVE', NULL, NULL),
    ('ml', 'PARTICIPANT', 'Mali', 'Mali', 'ACTIVE', NULL, NULL),
    ('mu', 'PARTICIPANT', 'Mauritius', 'Maurice', 'ACTIVE', NULL, NULL),
    ('mx', 'PARTICIPANT', 'Mexico', 'Mexique', 'ACTIVE', NULL, NULL),
    ('na', 'PARTICIPANT', 'Namibia', 'Namibie', 'ACTIVE', NULL, NULL),
    ('nz', 'PARTICIPANT', 'New Zealand', 'Nouvelle-Zélande', 'ACTIVE', NULL, NULL),
    ('no', 'PARTICIPANT', 'Norway', 'Norvège', 'ACTIVE', NULL, NULL),
    ('pa', 'PARTICIPANT', 'Panama', 'Panama', 'ACTIVE', NULL, NULL),
    ('kr', 'PARTICIPANT', 'Republic of Korea', 'République de Corée', 'ACTIVE', NULL, NULL),
    ('cg', 'PARTICIPANT', 'Republic of the Congo', 'République du Congo', 'ACTIVE', NULL, NULL),
    ('ru', 'PARTICIPANT', 'Russian Federation', 'Fédération de Russie', 'ACTIVE', NULL, NULL),
    ('sl', 'PARTICIPANT', 'Sierra Leone', 'Sierra Leone', 'ACTIVE', NULL, NULL),
    ('sg', 'PARTICIPANT', 'Singapore', 'Singapour', 'ACTIVE', NULL, NULL),
    ('za', 'PARTICIPANT', 'South Africa', 'Afrique du Sud', 'ACTIVE', NULL, NULL),
    ('lk', 'PARTICIPANT', 'Sri Lanka', 'Sri Lanka', 'ACTIVE', NULL, NULL),
    ('sz', 'PARTICIPANT', 'Swaziland', 'Swaziland', 'ACTIVE', NULL, NULL),
    ('ch', 'PARTICIPANT', 'Switzerland', 'Suisse', 'ACTIVE', NULL, NULL),
    ('th', 'PARTICIPANT', 'Thailand', 'Thaïlande', 'ACTIVE', NULL, NULL),
    ('tg', 'PARTICIPANT', 'Togo', 'Togo', 'ACTIVE', NULL, NULL),
    ('tr', 'PARTICIPANT', 'Turkey', 'Turquie', 'ACTIVE', NULL, NULL),
    ('ua', 'PARTICIPANT', 'Ukraine', 'Ukraine', 'ACTIVE', NULL, NULL),
    ('ae', 'PARTICIPANT', 'United Arab Emirates', 'Émirats arabes unis', 'ACTIVE', NULL, NULL),
    ('tz', 'PARTICIPANT', 'United Republic of Tanzania', 'République-Unie de Tanzanie', 'ACTIVE', NULL, NULL),
    ('us', 'PARTICIPANT', 'United States of America', 'États-Unis d''Amérique', 'ACTIVE', NULL, NULL),
    ('ve', 'PARTICIPANT', 'Venezuela', 'Venezuela', 'ACTIVE', NULL, 'Suspended its own trade in rough diamonds in 2008 (self-suspension); resumed participation in 2016.'),
    ('vn', 'PARTICIPANT', 'Viet Nam', 'Viet Nam', 'ACTIVE', NULL, NULL),
    ('zw', 'PARTICIPANT', 'Zimbabwe', 'Zimbabwe', 'ACTIVE', NULL, NULL),
    ('wdc', 'OBSERVER', 'World Diamond Council', 'Conseil mondial du diamant', NULL, 'INDUSTRY', 'Hosts the administrative support mechanism in 2016.'),
    ('kp-csc', 'OBSERVER', 'Kimberley Process Civil Society Coalition', 'Coalition de la société civile du Processus de Kimberley', NULL, 'CIVIL_SOCIETY', NULL),
    ('adpa', 'OBSERVER', 'African Diamond Producers Association', 'Association des pays africains producteurs de diamants', NULL, 'INTERGOVERNMENTAL', NULL),
    ('ddi', 'OBSERVER', 'Diamond Development Initiative', 'Initiative pour le développement du diamant', NULL, 'CIVIL_SOCIETY', NULL),
    ('ocdd', 'GUEST', 'Organisation centrafricaine pour le développement durable', 'Organisation centrafricaine pour le développement durable', NULL, NULL, NULL),
    ('marc', 'GUEST', 'Mines arts et ressources centrafricaines', 'Mines arts et ressources centrafricaines', NULL, NULL, NULL),
    ('kpfc-berberati', 'GUEST', 'Kimberley Process Follow-Up Committee in Berbérati', 'Comité de suivi du Processus de Kimberley à Berbérati', NULL, NULL, NULL),
    ('afcadd', 'GUEST', 'Association des femmes centrafricaines pour le développement durable', 'Association des femmes centrafricaines pour le développement durable', NULL, NULL, NULL),
    ('gga', 'GUEST', 'Good Governance Africa', 'Good Governance Africa', NULL, NULL, NULL),
    ('asm', 'SECRETARIAT', 'Administrative Support Mechanism of the Kimberley Process', 'Mécanisme de soutien administratif du Processus de Kimberley', NULL, NULL, NULL);

UPDATE country c JOIN organisation o ON o.code = c.code SET c.organisation_id = o.id WHERE o.kind = 'PARTICIPANT';
UPDATE country c JOIN organisation o ON o.code = 'eu' SET c.organisation_id = o.id WHERE c.code IN ('at', 'be', 'bg', 'hr', 'cy', 'cz', 'dk', 'ee', 'fi', 'fr', 'de', 'gr', 'hu', 'ie', 'it', 'lv', 'lt', 'lu', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'si', 'es', 'se', 'gb');

INSERT INTO account (username, password_hash, full_name, email, organisation_id, preferred_language, active, password_change_required, security_stamp, created_at)
SELECT a.username, '{bcrypt}$2a$10$eDt15YnKXZmC1L5QE0pf8OwCD43fwkSVlomi4WmgjkKqhK2pN4XJm', a.full_name, a.email, o.id, a.lang, TRUE, FALSE, 0, '2016-01-04 08:00:00' FROM (
SELECT 'admin' AS username, 'Portal Administrator' AS full_name, 'admin@kp-portal.example' AS email, 'asm' AS org, 'en' AS lang
    UNION ALL SELECT 'chair', 'Layla Al Mansouri', 'chair@kp-chair.example', 'ae', 'en'
    UNION ALL SELECT 'hod-bw', 'Kagiso Molefe', 'hod-bw@delegations.example', 'bw', 'en'
    UNION ALL SELECT 'alt-bw', 'Neo Sebego', 'alt-bw@delegations.example', 'bw', 'en'
    UNION ALL SELECT 'delegate-bw', 'Thato Kgosi', 'delegate-bw@delegations.example', 'bw', 'en'
    UNION ALL SELECT 'hod-eu', 'Hélène Vasseur', 'hod-eu@delegations.example', 'eu', 'fr'
    UNION ALL SELECT 'wgm', 'Pieter Janssens', 'wgm@delegations.example', 'eu', 'en'
    UNION ALL SELECT 'hod-in', 'Arjun Mehta', 'hod-in@delegations.example', 'in', 'en'
    UNION ALL SELECT 'hod-cf', 'Aimé Ngbanda', 'hod-cf@delegations.example', 'cf', 'fr'
    UNION ALL SELECT 'hod-au', 'Claire Whitfield', 'hod-au@delegations.example', 'au', 'en'
    UNION ALL SELECT 'wdc', 'Daniel Rosen', 'wdc@observers.example', 'wdc', 'en'
    UNION ALL SELECT 'csc', 'Mariam Koné', 'csc@observers.example', 'kp-csc', 'fr'
    UNION ALL SELECT 'guest-gga', 'Sipho Ndlovu', 'guest@gga.example', 'gga', 'en'
    UNION ALL SELECT 'hod-ao', 'Head of Delegation, Angola', 'hod-ao@delegations.example', 'ao', 'en'
    UNION ALL SELECT 'hod-am', 'Head of Delegation, Armenia', 'hod-am@delegations.example', 'am', 'en'
    UNION ALL SELECT 'hod-bd', 'Head of Delegation, Bangladesh', 'hod-bd@delegations.example', 'bd', 'en'
    UNION ALL SELECT 'hod-by', 'Head of Delegation, Belarus', 'hod-by@delegations.example', 'by', 'en'
    UNION ALL SELECT 'hod-br', 'Head of Delegation, Brazil', 'hod-br@delegations.example', 'br', 'en'
    UNION ALL SELECT 'hod-kh', 'Head of Delegation, Cambodia', 'hod-kh@delegations.example', 'kh', 'en'
    UNION ALL SELECT 'hod-cm', 'Head of Delegation, Cameroon', 'hod-cm@delegations.example', 'cm', 'fr'
    UNION ALL SELECT 'hod-ca', 'Head of Delegation, Canada', 'hod-ca@delegations.example', 'ca', 'en'
    UNION ALL SELECT 'hod-cn', 'Head of Delegation, China', 'hod-cn@delegations.example', 'cn', 'en'
    UNION ALL SELECT 'hod-ci', 'Head of Delegation, Côte d''Ivoire', 'hod-ci@delegations.example', 'ci', 'fr'
    UNION ALL SELECT 'hod-cd', 'Head of Delegation, Democratic Republic of the Congo', 'hod-cd@delegations.example', 'cd', 'fr'
    UNION ALL SELECT 'hod-ga', 'Head of Delegation, Gabon', 'hod-ga@delegations.example', 'ga', 'fr'
    UNION ALL SELECT 'hod-gh', 'Head of Delegation, Ghana', 'hod-gh@delegations.example', 'gh', 'en'
    UNION ALL SELECT 'hod-gn', 'Head of Delegation, Guinea', 'hod-gn@delegations.example', 'gn', 'fr'
    UNION ALL SELECT 'hod-gy', 'Head of Delegation, Guyana', 'hod-gy@delegations.example', 'gy', 'en'
    UNION ALL SELECT 'hod-id', 'Head of Delegation, Indonesia', 'hod-id@delegations.example', 'id', 'en'
    UNION ALL SELECT 'hod-il', 'Head of Delegation, Israel', 'hod-il@delegations.example', 'il', 'en'
    UNION ALL SELECT 'hod-jp', 'Head of Delegation, Japan', 'hod-jp@delegations.example', 'jp', 'en'
    UNION ALL SELECT 'hod-kz', 'Head of Delegation, Kazakhstan', 'hod-kz@delegations.example', 'kz', 'en'
    UNION ALL SELECT 'hod-la', 'Head of Delegation, Lao People''s Democratic Republic', 'hod-la@delegations.example', 'la', 'en'
    UNION ALL SELECT 'hod-lb', 'Head of Delegation, Lebanon', 'hod-lb@delegations.example', 'lb', 'fr'
    UNION ALL SELECT 'hod-ls', 'Head of Delegation, Lesotho', 'hod-ls@delegations.example', 'ls', 'en'
    UNION ALL SELECT 'hod-lr', 'Head of Delegation, Liberia', 'hod-lr@delegations.example', 'lr', 'en'
    UNION ALL SELECT 'hod-my', 'Head of Delegation, Malaysia', 'hod-my@delegations.example', 'my', 'en'
    UNION ALL SELECT 'hod-ml', 'Head of Delegation, Mali', 'hod-ml@delegations.example', 'ml', 'fr'
    UNION ALL SELECT 'hod-mu', 'Head of Delegation, Mauritius', 'hod-mu@delegations.example', 'mu', 'fr'
    UNION ALL SELECT 'hod-mx', 'Head of Delegation, Mexico', 'hod-mx@delegations.example', 'mx', 'en'
    UNION ALL SELECT 'hod-na', 'Head of Delegation, Namibia', 'hod-na@delegations.example', 'na', 'en'
    UNION ALL SELECT 'hod-nz', 'Head of Delegation, New Zealand', 'hod-nz@delegations.example', 'nz', 'en'
    UNION ALL SELECT 'hod-no', 'Head of Delegation, Norway', 'hod-no@delegations.example', 'no', 'en'
    UNION ALL SELECT 'hod-pa', 'Head of Delegation, Panama', 'hod-pa@delegations.example', 'pa', 'en'
    UNION ALL SELECT 'hod-kr', 'Head of Delegation, Republic of Korea', 'hod-kr@delegations.example', 'kr', 'en'
    UNION ALL SELECT 'hod-cg', 'Head of Delegation, Republic of the Congo', 'hod-cg@delegations.example', 'cg', 'fr'
    UNION ALL SELECT 'hod-ru', 'Head of Delegation, Russian Federation', 'hod-ru@delegations.example', 'ru', 'en'
    UNION ALL SELECT 'hod-sl', 'Head of Delegation, Sierra Leone', 'hod-sl@delegations.example', 'sl', 'en'
    UNION ALL SELECT 'hod-sg', 'Head of Delegation, Singapore', 'hod-sg@delegations.example', 'sg', 'en'
    UNION ALL SELECT 'hod-za', 'Head of Delegation, South Africa', 'hod-za@delegations.example', 'za', 'en'
    UNION ALL SELECT 'hod-lk', 'Head of Delegation, Sri Lanka', 'hod-lk@delegations.example', 'lk', 'en'
    UNION ALL SELECT 'hod-sz', 'Head of Delegation, Swaziland', 'hod-sz@delegations.example', 'sz', 'en'
    UNION ALL SELECT 'hod-ch', 'Head of Delegation, Switzerland', 'hod-ch@delegations.example', 'ch', 'en'
    UNION ALL SELECT 'hod-th', 'Head of Delegation, Thailand', 'hod-th@delegations.example', 'th', 'en'
    UNION ALL SELECT 'hod-tg', 'Head of Delegation, Togo', 'hod-tg@delegations.example', 'tg', 'fr'
    UNION ALL SELECT 'hod-tr', 'Head of Delegation, Turkey', 'hod-tr@delegations.example', 'tr', 'en'
    UNION ALL SELECT 'hod-ua', 'Head of Delegation, Ukraine', 'hod-ua@delegations.example', 'ua', 'en'
    UNION ALL SELECT 'hod-ae', 'Head of Delegation, United Arab Emirates', 'hod-ae@delegations.example', 'ae', 'en'
    UNION ALL SELECT 'hod-tz', 'Head of Delegation, United Republic of Tanzania', 'hod-tz@delegations.example', 'tz', 'en'
    UNION ALL SELECT 'hod-us', 'Head of Delegation, United States of America', 'hod-us@delegations.example', 'us', 'en'
    UNION ALL SELECT 'hod-ve', 'Head of Delegation, Venezuela', 'hod-ve@delegations.example', 've', 'en'
    UNION ALL SELECT 'hod-vn', 'Head of Delegation, Viet Nam', 'hod-vn@delegations.example', 'vn', 'en'
    UNION ALL SELECT 'hod-zw', 'Head of Delegation, Zimbabwe', 'hod-zw@delegations.example', 'zw', 'en'
) a JOIN organisation o ON o.code = a.org;

INSERT INTO account_role (account_id, role) SELECT acc.id, r.role FROM (
SELECT 'admin' AS username, 'SYSTEM_ADMINISTRATOR' AS role
    UNION ALL SELECT 'chair', 'CHAIRS_OFFICE'
    UNION ALL SELECT 'hod-bw', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'alt-bw', 'ALTERNATE'
    UNION ALL SELECT 'delegate-bw', 'DELEGATE'
    UNION ALL SELECT 'hod-eu', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'wgm', 'DELEGATE'
    UNION ALL SELECT 'wgm', 'WORKING_GROUP_CHAIR'
    UNION ALL SELECT 'hod-in', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-cf', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-au', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'wdc', 'OBSERVER_REPRESENTATIVE'
    UNION ALL SELECT 'csc', 'OBSERVER_REPRESENTATIVE'
    UNION ALL SELECT 'guest-gga', 'GUEST'
    UNION ALL SELECT 'hod-ao', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-am', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-bd', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-by', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-br', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-kh', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-cm', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ca', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-cn', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ci', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-cd', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ga', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-gh', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-gn', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-gy', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-id', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-il', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-jp', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-kz', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-la', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-lb', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ls', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-lr', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-my', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ml', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-mu', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-mx', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-na', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-nz', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-no', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-pa', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-kr', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-cg', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ru', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-sl', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-sg', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-za', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-lk', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-sz', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ch', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-th', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-tg', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-tr', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ua', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ae', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-tz', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-us', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-ve', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-vn', 'HEAD_OF_DELEGATION'
    UNION ALL SELECT 'hod-zw', 'HEAD_OF_DELEGATION'
) r JOIN account acc ON acc.username = r.username;

INSERT INTO working_group (code, kind, name_en, name_fr, mandate_en, mandate_fr, chair_organisation_id, chair_account_id)
SELECT 'wgm', 'WORKING_GROUP', 'Working Group on Monitoring', 'Groupe de travail sur le suivi', 'Runs the peer review system: review visits and missions, annual reports and follow-up of their recommendations.', 'Conduit le système d’examen par les pairs : visites et missions d’examen, rapports annuels et suivi de leurs recommandations.', (SELECT id FROM organisation WHERE code = 'eu'), (SELECT id FROM account WHERE username = 'wgm')
UNION ALL SELECT 'wgs', 'WORKING_GROUP', 'Working Group on Statistics', 'Groupe de travail sur les statistiques', 'Collects and analyses the production and trade statistics of the Participants and publishes the annual summary.', 'Recueille et analyse les statistiques de production et de commerce des Participants et publie la synthèse annuelle.', (SELECT id FROM organisation WHERE code = 'ca'), NULL
UNION ALL SELECT 'wgde', 'WORKING_GROUP', 'Working Group of Diamond Experts', 'Groupe de travail des experts en diamants', 'Technical questions of diamond identification, footprints and valuation, including its subgroup on valuation.', 'Questions techniques d’identification, d’empreintes et d’évaluation des diamants, y compris son sous-groupe sur l’évaluation.', (SELECT id FROM organisation WHERE code = 'ru'), NULL
UNION ALL SELECT 'wgaap', 'WORKING_GROUP', 'Working Group on Artisanal and Alluvial Production', 'Groupe de travail sur la production artisanale et alluviale', 'Internal controls over artisanal and alluvial diamond production, and support to the producing Participants concerned.', 'Contrôles internes de la production artisanale et alluviale de diamants et appui aux Participants producteurs concernés.', (SELECT id FROM organisation WHERE code = 'cd'), NULL
UNION ALL SELECT 'crp', 'COMMITTEE', 'Committee on Rules and Procedures', 'Comité sur les règles et procédures', 'Prepares and reviews the rules of procedure, including the engagement of the Kimberley Process with external organisations.', 'Prépare et révise le règlement intérieur, y compris les relations du Processus de Kimberley avec les organisations extérieures.', (SELECT id FROM organisation WHERE code = 'za'), NULL
UNION ALL SELECT 'cpc', 'COMMITTEE', 'Committee on Participation and Chairmanship', 'Comité sur la participation et la présidence', 'Assesses applications to participate and candidacies for the Vice-Chair; chaired by the previous year’s Chair.', 'Examine les demandes de participation et les candidatures à la vice-présidence ; présidé par la présidence de l’année précédente.', (SELECT id FROM organisation WHERE code = 'ao'), NULL
UNION ALL SELECT 'arr', 'COMMITTEE', 'Ad hoc Committee on Review and Reform', 'Comité ad hoc sur l’examen et la réforme', 'Prepares the review cycle of the Certification Scheme and proposals to strengthen the Kimberley Process.', 'Prépare le cycle d’examen du Système de certification et les propositions de renforcement du Processus de Kimberley.', (SELECT id FROM organisation WHERE code = 'au'), NULL;

INSERT INTO working_group_member (working_group_id, organisation_id, standing) SELECT g.id, o.id, m.standing FROM (
SELECT 'wgm' AS grp, 'eu' AS org, 'MEMBER' AS standing
    UNION ALL SELECT 'wgm', 'bw', 'MEMBER'
    UNION ALL SELECT 'wgm', 'ca', 'MEMBER'
    UNION ALL SELECT 'wgm', 'cn', 'MEMBER'
    UNION ALL SELECT 'wgm', 'in', 'MEMBER'
    UNION ALL SELECT 'wgm', 'ru', 'MEMBER'
    UNION ALL SELECT 'wgm', 'za', 'MEMBER'
    UNION ALL SELECT 'wgm', 'us', 'MEMBER'
    UNION ALL SELECT 'wgm', 'ae', 'MEMBER'
    UNION ALL SELECT 'wgm', 'au', 'MEMBER'
    UNION ALL SELECT 'wgm', 'na', 'MEMBER'
    UNION ALL SELECT 'wgm', 'ao', 'MEMBER'
    UNION ALL SELECT 'wgm', 'cd', 'MEMBER'
    UNION ALL SELECT 'wgm', 'il', 'MEMBER'
    UNION ALL SELECT 'wgm', 'wdc', 'OBSERVER'
    UNION ALL SELECT 'wgm', 'kp-csc', 'OBSERVER'
    UNION ALL SELECT 'wgs', 'ca', 'MEMBER'
    UNION ALL SELECT 'wgs', 'eu', 'MEMBER'
    UNION ALL SELECT 'wgs', 'ru', 'MEMBER'
    UNION ALL SELECT 'wgs', 'bw', 'MEMBER'
    UNION ALL SELECT 'wgs', 'za', 'MEMBER'
    UNION ALL SELECT 'wgs', 'in', 'MEMBER'
    UNION ALL SELECT 'wgs', 'cn', 'MEMBER'
    UNION ALL SELECT 'wgs', 'us', 'MEMBER'
    UNION ALL SELECT 'wgs', 'ae', 'MEMBER'
    UNION ALL SELECT 'wgs', 'au', 'MEMBER'
    UNION ALL SELECT 'wgs', 'wdc', 'OBSERVER'
    UNION ALL SELECT 'wgs', 'kp-csc', 'OBSERVER'
    UNION ALL SELECT 'wgde', 'ru', 'MEMBER'
    UNION ALL SELECT 'wgde', 'eu', 'MEMBER'
    UNION ALL SELECT 'wgde', 'in', 'MEMBER'
    UNION ALL SELECT 'wgde', 'bw', 'MEMBER'
    UNION ALL SELECT 'wgde', 'za', 'MEMBER'
    UNION ALL SELECT 'wgde', 'ae', 'MEMBER'
    UNION ALL SELECT 'wgde', 'us', 'MEMBER'
    UNION ALL SELECT 'wgde', 'cn', 'MEMBER'
    UNION ALL SELECT 'wgde', 'il', 'MEMBER'
    UNION ALL SELECT 'wgde', 'wdc', 'OBSERVER'
    UNION ALL SELECT 'wgde', 'kp-csc', 'OBSERVER'
    UNION ALL SELECT 'wgde', 'ddi', 'OBSERVER'
    UNION ALL SELECT 'wgaap', 'cd', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'cf', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'sl', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'gn', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'lr', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'gh', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'ci', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'ao', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'cm', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'tg', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'eu', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'us', 'MEMBER'
    UNION ALL SELECT 'wgaap', 'kp-csc', 'OBSERVER'
    UNION ALL SELECT 'wgaap', 'ddi', 'OBSERVER'
    UNION ALL SELECT 'wgaap', 'wdc', 'OBSERVER'
    UNION ALL SELECT 'crp', 'za', 'MEMBER'
    UNION ALL SELECT 'crp', 'eu', 'MEMBER'
    UNION ALL SELECT 'crp', 'in', 'MEMBER'
    UNION ALL SELECT 'crp', 'us', 'MEMBER'
    UNION ALL SELECT 'crp', 'ru', 'MEMBER'
    UNION ALL SELECT 'crp', 'au', 'MEMBER'
    UNION ALL SELECT 'crp', 'ca', 'MEMBER'
    UNION ALL SELECT 'crp', 'ae', 'MEMBER'
    UNION ALL SELECT 'crp', 'wdc', 'OBSERVER'
    UNION ALL SELECT 'crp', 'kp-csc', 'OBSERVER'
    UNION ALL SELECT 'cpc', 'ao', 'MEMBER'
    UNION ALL SELECT 'cpc', 'ae', 'MEMBER'
    UNION ALL SELECT 'cpc', 'au', 'MEMBER'
    UNION ALL SELECT 'cpc', 'eu', 'MEMBER'
    UNION ALL SELECT 'cpc', 'za', 'MEMBER'
    UNION ALL SELECT 'cpc', 'us', 'MEMBER'
    UNION ALL SELECT 'cpc', 'ru', 'MEMBER'
    UNION ALL SELECT 'cpc', 'in', 'MEMBER'
    UNION ALL SELECT 'cpc', 'cn', 'MEMBER'
    UNION ALL SELECT 'cpc', 'bw', 'MEMBER'
    UNION ALL SELECT 'arr', 'au', 'MEMBER'
    UNION ALL SELECT 'arr', 'eu', 'MEMBER'
    UNION ALL SELECT 'arr', 'ae', 'MEMBER'
    UNION ALL SELECT 'arr', 'za', 'MEMBER'
    UNION ALL SELECT 'arr', 'us', 'MEMBER'
    UNION ALL SELECT 'arr', 'in', 'MEMBER'
    UNION ALL SELECT 'arr', 'ru', 'MEMBER'
    UNION ALL SELECT 'arr', 'ca', 'MEMBER'
    UNION ALL SELECT 'arr', 'bw', 'MEMBER'
    UNION ALL SELECT 'arr', 'cn', 'MEMBER'
    UNION ALL SELECT 'arr', 'wdc', 'OBSERVER'
    UNION ALL SELECT 'arr', 'kp-csc', 'OBSERVER'
    UNION ALL SELECT 'wgaap', 'ga', 'PROVISIONAL_MEMBER'
) m JOIN working_group g ON g.code = m.grp JOIN organisation o ON o.code = m.org;
