-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN "statusChangedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Survey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "closesAt" DATETIME,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "audience" TEXT NOT NULL DEFAULT 'all',
    "audienceEventId" TEXT,
    "responseCount" INTEGER NOT NULL DEFAULT 0,
    "memberResponseCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Survey_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Survey" ("anonymous", "audience", "audienceEventId", "closedAt", "closesAt", "communityId", "createdAt", "createdById", "description", "id", "openedAt", "responseCount", "state", "title", "updatedAt", "version") SELECT "anonymous", "audience", "audienceEventId", "closedAt", "closesAt", "communityId", "createdAt", "createdById", "description", "id", "openedAt", "responseCount", "state", "title", "updatedAt", "version" FROM "Survey";
DROP TABLE "Survey";
ALTER TABLE "new_Survey" RENAME TO "Survey";
CREATE INDEX "Survey_communityId_createdAt_id_idx" ON "Survey"("communityId", "createdAt", "id");
CREATE INDEX "Survey_state_closesAt_idx" ON "Survey"("state", "closesAt");
CREATE TABLE "new_SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "userId" TEXT,
    "respondentKey" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "fromStaff" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SurveyResponse" ("id", "respondentKey", "submittedAt", "surveyId", "userId") SELECT "id", "respondentKey", "submittedAt", "surveyId", "userId" FROM "SurveyResponse";
DROP TABLE "SurveyResponse";
ALTER TABLE "new_SurveyResponse" RENAME TO "SurveyResponse";
CREATE INDEX "SurveyResponse_surveyId_submittedAt_idx" ON "SurveyResponse"("surveyId", "submittedAt");
CREATE INDEX "SurveyResponse_surveyId_submittedAt_id_idx" ON "SurveyResponse"("surveyId", "submittedAt", "id");
CREATE UNIQUE INDEX "SurveyResponse_surveyId_respondentKey_key" ON "SurveyResponse"("surveyId", "respondentKey");
-- Responses given before this migration cannot be told apart: they all count as members', as they did before.
UPDATE "Survey" SET "memberResponseCount" = "responseCount";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
