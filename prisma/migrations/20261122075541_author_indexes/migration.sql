-- DropIndex
DROP INDEX "Post_authorId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Post_authorId_communityId_createdAt_idx" ON "Post"("authorId", "communityId", "createdAt");

-- CreateIndex
CREATE INDEX "Post_authorId_communityId_status_idx" ON "Post"("authorId", "communityId", "status");
