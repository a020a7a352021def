-- DropIndex
DROP INDEX "Post_status_checkedRevision_idx";

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "checkDueAt" DATETIME;

-- Posts whose check is owed now: pending or scheduled, with their current revision unchecked.
UPDATE "Post" SET "checkDueAt" = CASE WHEN "status" = 'scheduled' THEN "publishAt" ELSE "updatedAt" END
  WHERE "checkedRevision" < "revision" AND "status" IN ('pending', 'scheduled');

-- CreateIndex
CREATE INDEX "Post_checkDueAt_idx" ON "Post"("checkDueAt");
