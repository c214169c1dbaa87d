#!/usr/bin/env bash
# Writes release-0.1.0.db: a training log made by Backbone 0.1.0 (commit 5d97753) through its own
# CLI, kept as a fixture so every later release proves it upgrades a real user's database intact
# (tests/integration/test_upgrade_from_release.py). Run it with that release's `backbone` on PATH:
#
#   git worktree add /tmp/backbone-0.1.0 5d97753 && (cd /tmp/backbone-0.1.0 && make .venv/.synced)
#   PATH=/tmp/backbone-0.1.0/.venv/bin:$PATH tests/samples/upgrade/make_release_0_1_0_db.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export BACKBONE_DB="$here/release-0.1.0.db"
rm -f "$BACKBONE_DB" "$BACKBONE_DB-wal" "$BACKBONE_DB-shm"

backbone athlete --units lb --bodyweight 176 --plates 45,25,10,5,2.5 --bar 45 --dumbbell-step 5
backbone program start --days 3 --minutes 45 --equipment dumbbell,bench,pullup_bar,band \
    --level novice --goal hypertrophy --back-pain history --start 2026-11-30 \
    --known "chest_supported_row=45x10@2"
backbone checkin --sleep 7.5 --back-pain 2 --soreness 3 --readiness 7 --date 2026-11-30
backbone log chest_supported_row 45x12@3 45x11@2 45x10@2 --date 2026-11-30 --note "felt strong"
backbone log pull_up_negative bwx5@2 x2 --date 2026-11-30
backbone finish --rpe 7 --minutes 48 --date 2026-11-30
backbone checkin --sleep 6 --back-pain 4 --soreness 5 --date 2026-12-02
backbone log chest_supported_row 50x10@2 x3 --date 2026-12-02 --pain 3 --partial
backbone log bird_dog bwx8 x2 --date 2026-12-02
backbone test record side_bridge 80 --side left --date 2026-12-02
backbone test record side_bridge 90 --side right --date 2026-12-02
backbone test record sorensen 150 --date 2026-12-02
backbone log side_plank 30s 25s --date 2026-12-02
backbone finish --rpe 8 --minutes 52 --date 2026-12-02
# Checkpoint the WAL so the fixture is one self-contained file.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.execute('PRAGMA journal_mode=DELETE'); c.close()" "$BACKBONE_DB"
rm -f "$BACKBONE_DB-wal" "$BACKBONE_DB-shm"
