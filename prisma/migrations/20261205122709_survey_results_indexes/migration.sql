-- CreateIndex
CREATE INDEX "Membership_communityId_status_idx" ON "Membership"("communityId", "status");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_responseId_idx" ON "SurveyAnswer"("questionId", "responseId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_submittedAt_id_idx" ON "SurveyResponse"("surveyId", "submittedAt", "id");
