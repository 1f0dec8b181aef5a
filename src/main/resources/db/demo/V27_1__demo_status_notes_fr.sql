-- The demo's status notes in French, as the Chair's office would give them.
UPDATE organisation SET status_note_fr = 'Suspendue depuis 2013. Les exportations n’ont repris que depuis les zones conformes de Berbérati, Boda, Carnot et Nola, dans le cadre opérationnel.' WHERE code = 'cf';
UPDATE organisation SET status_note_fr = 'Une organisation d’intégration économique régionale : un seul Participant pour ses 28 États membres.' WHERE code = 'eu';
UPDATE organisation SET status_note_fr = 'Candidat ; invité à accueillir une mission d’experts.' WHERE code = 'ga';
UPDATE organisation SET status_note_fr = 'A suspendu de lui-même son commerce de diamants bruts en 2008 (auto-suspension) ; a repris sa participation en 2016.' WHERE code = 've';
-- The World Diamond Council's note is left in English only: French pages show it marked as English.
