package dev.codefactory.adapter.fs.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.codefactory.port.change.ChangeRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The on-disk format, byte for byte: records written by earlier versions read back and are written the same. */
class ChangeRecordJsonTest {
    /** An applied change with every member set, as Code-Factory has written it since the journal's version 1. */
    static final String APPLIED = """
            {
              "version": 1,
              "id": "20260107-101530-add-login",
              "request": "Add a login",
              "created": "2026-01-07T10:15:30.123456789Z",
              "status": "APPLIED",
              "baseBranch": "main",
              "baseCommit": "0123456789abcdef0123456789abcdef01234567",
              "snapshotId": "refs/factory/snapshots/20260107-101530",
              "stash": "fedcba9876543210fedcba9876543210fedcba98",
              "branch": "factory/change-20260107-101530-add-login",
              "commits": [
                "1111111111111111111111111111111111111111",
                "2222222222222222222222222222222222222222"
              ],
              "specs": [
                "feature-007"
              ],
              "files": [
                "src/Login.java"
              ],
              "tests": "failed (exit 1)",
              "pushed": true,
              "pullRequest": "https://example.com/org/repo/pull/42",
              "note": "why"
            }
            """;

    /** A change stopped before its snapshot on a detached HEAD: every absent member is an empty string. */
    static final String STOPPED_EARLY = """
            {
              "version": 1,
              "id": "c-stopped",
              "request": "r",
              "created": "2026-01-07T10:15:30Z",
              "status": "STOPPED",
              "baseBranch": "",
              "baseCommit": "",
              "snapshotId": "",
              "stash": "",
              "branch": "factory/change-c-stopped",
              "commits": [],
              "specs": [],
              "files": [],
              "tests": "not run",
              "pushed": false,
              "pullRequest": "",
              "note": ""
            }
            """;

    @Test
    void a_record_with_every_member_set_is_written_back_byte_for_byte() {
        assertEquals(APPLIED, ChangeRecordJson.write(ChangeRecordJson.read(APPLIED)));
    }

    @Test
    void a_record_whose_members_are_absent_is_written_back_byte_for_byte() {
        assertEquals(STOPPED_EARLY, ChangeRecordJson.write(ChangeRecordJson.read(STOPPED_EARLY)));
    }

    @Test
    void present_members_are_read_as_present_values() {
        ChangeRecord r = ChangeRecordJson.read(APPLIED);
        assertEquals(new ChangeRecord.Before(Optional.of("main"),
                Optional.of("0123456789abcdef0123456789abcdef01234567"),
                Optional.of("refs/factory/snapshots/20260107-101530"),
                Optional.of("fedcba9876543210fedcba9876543210fedcba98")), r.before());
        assertEquals(ChangeRecord.Publication.pullRequest("https://example.com/org/repo/pull/42"), r.publication());
        assertEquals(Optional.of("why"), r.note());
        assertEquals(Optional.of("2222222222222222222222222222222222222222"), r.tip());
        assertEquals(List.of("src/Login.java"), r.files());
    }

    @Test
    void empty_strings_are_read_as_absent_values() {
        ChangeRecord r = ChangeRecordJson.read(STOPPED_EARLY);
        assertEquals(new ChangeRecord.Before(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                r.before());
        assertEquals(ChangeRecord.Publication.NONE, r.publication());
        assertEquals(Optional.empty(), r.note());
        assertEquals(Optional.empty(), r.tip());
    }
}
