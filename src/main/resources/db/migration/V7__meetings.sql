-- Meetings of the Plenary, the Intersessional and working groups, with their ordered agendas.
CREATE TABLE meeting (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind                 VARCHAR(20)  NOT NULL,
    title                VARCHAR(300) NOT NULL,
    host_organisation_id BIGINT       NULL,
    working_group_id     BIGINT       NULL,
    place                VARCHAR(200) NOT NULL,
    start_date           DATE         NOT NULL,
    end_date             DATE         NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_meeting_kind CHECK (kind IN ('PLENARY', 'INTERSESSIONAL', 'WORKING_GROUP')),
    CONSTRAINT ck_meeting_dates CHECK (end_date >= start_date),
    CONSTRAINT fk_meeting_host FOREIGN KEY (host_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_meeting_group FOREIGN KEY (working_group_id) REFERENCES working_group (id),
    INDEX ix_meeting_dates (start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE agenda_item (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    document_id BIGINT        NULL,
    outcome     VARCHAR(1000) NULL,
    CONSTRAINT uk_agenda_position UNIQUE (meeting_id, position),
    CONSTRAINT fk_agenda_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_agenda_document FOREIGN KEY (document_id) REFERENCES document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
