-- The Working Group on Monitoring's chair serves 2015 to 2017 in the demo.
UPDATE working_group SET chair_from = '2015-01-01', chair_until = '2017-12-31' WHERE code = 'wgm';
