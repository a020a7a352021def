-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" DATETIME,
    CONSTRAINT "Report_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ModerationItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Report_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WordRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "match" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "locale" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WordRule_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reason" TEXT,
    "before" TEXT,
    "after" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Community" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL DEFAULT 'id',
    "moderationMode" TEXT NOT NULL DEFAULT 'auto',
    "reportThreshold" INTEGER NOT NULL DEFAULT 3,
    "digestCadence" TEXT NOT NULL DEFAULT 'off',
    "digestHour" INTEGER NOT NULL DEFAULT 8,
    "digestWeekday" INTEGER,
    "digestTimezone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "lexiconActions" TEXT NOT NULL DEFAULT '{}',
    "ruleVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Community" ("createdAt", "description", "digestCadence", "digestHour", "digestTimezone", "digestWeekday", "id", "locale", "moderationMode", "name", "reportThreshold", "slug") SELECT "createdAt", "description", "digestCadence", "digestHour", "digestTimezone", "digestWeekday", "id", "locale", "moderationMode", "name", "reportThreshold", "slug" FROM "Community";
DROP TABLE "Community";
ALTER TABLE "new_Community" RENAME TO "Community";
CREATE UNIQUE INDEX "Community_slug_key" ON "Community"("slug");
CREATE TABLE "new_ModerationItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "version" INTEGER NOT NULL DEFAULT 1,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedById" TEXT,
    "claimedUntil" DATETIME,
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "resolvedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ModerationItem_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ModerationItem_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ModerationItem" ("communityId", "createdAt", "id", "postId", "state", "updatedAt", "version") SELECT "communityId", "createdAt", "id", "postId", "state", "updatedAt", "version" FROM "ModerationItem";
DROP TABLE "ModerationItem";
ALTER TABLE "new_ModerationItem" RENAME TO "ModerationItem";
CREATE UNIQUE INDEX "ModerationItem_postId_key" ON "ModerationItem"("postId");
CREATE INDEX "ModerationItem_communityId_state_openedAt_id_idx" ON "ModerationItem"("communityId", "state", "openedAt", "id");
CREATE TABLE "new_Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "censoredBody" TEXT,
    "censoredTitle" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "checkedRevision" INTEGER NOT NULL DEFAULT 0,
    "approvedRevision" INTEGER NOT NULL DEFAULT 0,
    "publishAt" DATETIME,
    "publishedAt" DATETIME,
    "feedAt" DATETIME,
    "replyCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "editedAt" DATETIME,
    CONSTRAINT "Post_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("authorId", "body", "censoredBody", "checkedRevision", "communityId", "createdAt", "editedAt", "feedAt", "id", "parentId", "publishAt", "publishedAt", "replyCount", "revision", "status", "title", "updatedAt") SELECT "authorId", "body", "censoredBody", "checkedRevision", "communityId", "createdAt", "editedAt", "feedAt", "id", "parentId", "publishAt", "publishedAt", "replyCount", "revision", "status", "title", "updatedAt" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "Post_communityId_status_parentId_feedAt_id_idx" ON "Post"("communityId", "status", "parentId", "feedAt", "id");
CREATE INDEX "Post_status_checkedRevision_idx" ON "Post"("status", "checkedRevision");
CREATE INDEX "Post_authorId_createdAt_idx" ON "Post"("authorId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Report_itemId_idx" ON "Report"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_postId_reporterId_key" ON "Report"("postId", "reporterId");

-- CreateIndex
CREATE INDEX "WordRule_communityId_createdAt_idx" ON "WordRule"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_communityId_createdAt_id_idx" ON "AuditEntry"("communityId", "createdAt", "id");

-- The audit log is append-only: refuse every UPDATE and DELETE, whoever asks.
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only');
END;

CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only');
END;
