-- CreateIndex
CREATE INDEX "Post_communityId_status_createdAt_id_idx" ON "Post"("communityId", "status", "createdAt", "id");
