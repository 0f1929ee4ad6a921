-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "image" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" DATETIME,
    "locale" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "legalForm" TEXT,
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "country" TEXT NOT NULL DEFAULT 'DE',
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "management" TEXT,
    "headOfDataProcessing" TEXT,
    "euRepresentative" TEXT,
    "dpoName" TEXT,
    "dpoCompany" TEXT,
    "dpoExternal" BOOLEAN NOT NULL DEFAULT false,
    "dpoEmail" TEXT,
    "dpoPhone" TEXT,
    "dpoAddress" TEXT,
    "supervisoryAuthority" TEXT,
    "actsAsController" BOOLEAN NOT NULL DEFAULT true,
    "actsAsProcessor" BOOLEAN NOT NULL DEFAULT false,
    "employeeCount" INTEGER,
    "requireFourEyes" BOOLEAN NOT NULL DEFAULT false,
    "defaultReviewMonths" INTEGER NOT NULL DEFAULT 12,
    "parentId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Department_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VocabularyTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "labelDe" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "group" TEXT,
    "citation" TEXT,
    "isSpecialCategory" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VocabularyTerm_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcessingActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "referenceNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "departmentId" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "role" TEXT NOT NULL DEFAULT 'CONTROLLER',
    "jointArrangement" TEXT,
    "clientVendorId" TEXT,
    "processingCategories" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "operatingStage" TEXT NOT NULL DEFAULT 'OPERATION',
    "dataSources" TEXT,
    "estimatedDataSubjects" INTEGER,
    "automatedDecisionMaking" BOOLEAN NOT NULL DEFAULT false,
    "profiling" BOOLEAN NOT NULL DEFAULT false,
    "informationProvided" TEXT,
    "generalTomDescription" TEXT,
    "noThirdCountryTransfer" BOOLEAN NOT NULL DEFAULT false,
    "dpiaCriteria" JSONB,
    "dpiaDecision" TEXT NOT NULL DEFAULT 'PENDING',
    "dpiaDecisionReason" TEXT,
    "dpiaStatus" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "dpiaReference" TEXT,
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "lastReviewedAt" DATETIME,
    "nextReviewAt" DATETIME,
    "releasedAt" DATETIME,
    "releasedById" TEXT,
    "copiedFromId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    CONSTRAINT "ProcessingActivity_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProcessingActivity_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProcessingActivity_clientVendorId_fkey" FOREIGN KEY ("clientVendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Purpose" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,
    CONSTRAINT "Purpose_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PurposeLegalBasis" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purposeId" TEXT NOT NULL,
    "basisCode" TEXT NOT NULL,
    "note" TEXT,
    "legitimateInterest" TEXT,
    "liaReference" TEXT,
    CONSTRAINT "PurposeLegalBasis_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityDataSubject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "ActivityDataSubject_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityDataCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "description" TEXT,
    "isSpecialCategory" BOOLEAN NOT NULL DEFAULT false,
    "retentionPeriod" TEXT,
    "retentionMonths" INTEGER,
    "retentionStartCode" TEXT,
    "retentionLegalRef" TEXT,
    "sourceCode" TEXT,
    CONSTRAINT "ActivityDataCategory_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivitySystem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "vendorId" TEXT,
    "location" TEXT,
    "note" TEXT,
    CONSTRAINT "ActivitySystem_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivitySystem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JointController" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "vendorId" TEXT,
    "name" TEXT NOT NULL,
    "contact" TEXT,
    "arrangementRef" TEXT,
    "responsibilities" TEXT,
    CONSTRAINT "JointController_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JointController_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "vendorId" TEXT,
    "departmentId" TEXT,
    "categoryCode" TEXT,
    "role" TEXT NOT NULL,
    "service" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recipient_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recipient_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Recipient_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recipient_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecipientDataCategory" (
    "recipientId" TEXT NOT NULL,
    "dataCategoryId" TEXT NOT NULL,

    PRIMARY KEY ("recipientId", "dataCategoryId"),
    CONSTRAINT "RecipientDataCategory_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecipientDataCategory_dataCategoryId_fkey" FOREIGN KEY ("dataCategoryId") REFERENCES "ActivityDataCategory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "destinationCountry" TEXT,
    "internationalOrganisation" TEXT,
    "access" TEXT NOT NULL DEFAULT 'STORAGE',
    "viaVendorId" TEXT,
    "mechanism" TEXT NOT NULL DEFAULT 'NONE_STATED',
    "mechanismNote" TEXT,
    "contractConcludedAt" DATETIME,
    "isRegular" BOOLEAN NOT NULL DEFAULT true,
    "importerSubjectToGdpr" BOOLEAN NOT NULL DEFAULT false,
    "art49Assessment" TEXT,
    "saInformedAt" DATETIME,
    "tiaId" TEXT,
    "tiaReference" TEXT,
    "tiaDate" DATETIME,
    "supplementaryMeasures" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    CONSTRAINT "Transfer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Transfer_destinationCountry_fkey" FOREIGN KEY ("destinationCountry") REFERENCES "Country" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_viaVendorId_fkey" FOREIGN KEY ("viaVendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_tiaId_fkey" FOREIGN KEY ("tiaId") REFERENCES "TransferImpactAssessment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TransferImpactAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "vendorId" TEXT,
    "title" TEXT NOT NULL,
    "destinationCountry" TEXT,
    "importerRole" TEXT,
    "mechanism" TEXT,
    "dataFormat" TEXT NOT NULL DEFAULT 'CLEAR',
    "lawsAssessed" TEXT,
    "practicalExperience" TEXT,
    "supplementaryMeasures" TEXT,
    "residualRisk" TEXT,
    "conclusion" TEXT,
    "signedOffBy" TEXT,
    "assessedAt" DATETIME,
    "nextReviewAt" DATETIME,
    "documentUrl" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    CONSTRAINT "TransferImpactAssessment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TransferImpactAssessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalForm" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'PROCESSOR',
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "country" TEXT,
    "website" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "contactName" TEXT,
    "dpoName" TEXT,
    "dpoEmail" TEXT,
    "euRepresentative" TEXT,
    "parentCompany" TEXT,
    "parentCountry" TEXT,
    "parentVendorId" TEXT,
    "sector" TEXT,
    "services" TEXT,
    "notes" TEXT,
    "catalogueKey" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    CONSTRAINT "Vendor_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Vendor_parentVendorId_fkey" FOREIGN KEY ("parentVendorId") REFERENCES "Vendor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorLocation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "city" TEXT,
    "purpose" TEXT NOT NULL DEFAULT 'STORAGE',
    "note" TEXT,
    CONSTRAINT "VendorLocation_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorCertification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT,
    "certificateNumber" TEXT,
    "validFrom" DATETIME,
    "validUntil" DATETIME,
    "documentUrl" TEXT,
    CONSTRAINT "VendorCertification_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DpfCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "listedName" TEXT,
    "listUrl" TEXT,
    "frameworks" TEXT,
    "coversHr" BOOLEAN NOT NULL DEFAULT false,
    "coversNonHr" BOOLEAN NOT NULL DEFAULT true,
    "certifiedSince" DATETIME,
    "nextCertificationDue" DATETIME,
    "checkedAt" DATETIME NOT NULL,
    "checkedById" TEXT,
    "checkedByName" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DpfCheck_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubProcessor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "subVendorId" TEXT,
    "name" TEXT NOT NULL,
    "country" TEXT,
    "service" TEXT,
    "access" TEXT NOT NULL DEFAULT 'STORAGE',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SubProcessor_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubProcessor_subVendorId_fkey" FOREIGN KEY ("subVendorId") REFERENCES "Vendor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "function" TEXT,
    "phone" TEXT,
    "canSignIn" BOOLEAN NOT NULL DEFAULT true,
    "userId" TEXT,
    "disabledAt" DATETIME,
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VendorContact_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VendorContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VendorProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "reviewNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VendorProposal_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DataProcessingAgreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "signedAt" DATETIME,
    "documentVersion" TEXT,
    "effectiveFrom" DATETIME,
    "termEndsAt" DATETIME,
    "nextReviewAt" DATETIME,
    "art28a" BOOLEAN NOT NULL DEFAULT false,
    "art28b" BOOLEAN NOT NULL DEFAULT false,
    "art28c" BOOLEAN NOT NULL DEFAULT false,
    "art28d" BOOLEAN NOT NULL DEFAULT false,
    "art28e" BOOLEAN NOT NULL DEFAULT false,
    "art28f" BOOLEAN NOT NULL DEFAULT false,
    "art28g" BOOLEAN NOT NULL DEFAULT false,
    "art28h" BOOLEAN NOT NULL DEFAULT false,
    "sccMechanism" TEXT,
    "documentRef" TEXT,
    "documentUrl" TEXT,
    "notes" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    CONSTRAINT "DataProcessingAgreement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DataProcessingAgreement_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DpaActivity" (
    "dpaId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,

    PRIMARY KEY ("dpaId", "activityId"),
    CONSTRAINT "DpaActivity_dpaId_fkey" FOREIGN KEY ("dpaId") REFERENCES "DataProcessingAgreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DpaActivity_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TechnicalOrganisationalMeasure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "documentUrl" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TechnicalOrganisationalMeasure_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityTom" (
    "activityId" TEXT NOT NULL,
    "tomId" TEXT NOT NULL,

    PRIMARY KEY ("activityId", "tomId"),
    CONSTRAINT "ActivityTom_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityTom_tomId_fkey" FOREIGN KEY ("tomId") REFERENCES "TechnicalOrganisationalMeasure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferenceDataVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" TEXT NOT NULL,
    "releasedAt" DATETIME NOT NULL,
    "contentHash" TEXT NOT NULL,
    "changedById" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Country" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameDe" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "eeaFrom" DATETIME,
    "eeaTo" DATETIME,
    "isTerritoryOf" TEXT
);

-- CreateTable
CREATE TABLE "LegalSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "adoptedOn" DATETIME,
    "publishedOn" DATETIME,
    "url" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AdequacyDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countryCode" TEXT,
    "organisationName" TEXT,
    "sourceId" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'FULL',
    "scopeText" TEXT,
    "validFrom" DATETIME NOT NULL,
    "entryIntoForce" DATETIME,
    "validTo" DATETIME,
    "reviewDue" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'IN_FORCE',
    "checkedAt" DATETIME,
    "note" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AdequacyDecision_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AdequacyDecision_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "LegalSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TransferInstrument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "validFrom" DATETIME,
    "newContractsUntil" DATETIME,
    "validTo" DATETIME,
    "successorCode" TEXT,
    "sourceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TransferInstrument_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "LegalSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DpiaList" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME,
    "title" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DpiaList_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "LegalSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DpiaListItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "listId" TEXT NOT NULL,
    "itemNo" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "textDe" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "hard" BOOLEAN NOT NULL DEFAULT false,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "DpiaListItem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "DpiaList" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changes" JSONB,
    "reason" TEXT,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chainId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "organisationId" TEXT,
    "changes" JSONB,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chainId" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organisationId_key" ON "Membership"("userId", "organisationId");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_organisationId_name_key" ON "Department"("organisationId", "name");

-- CreateIndex
CREATE INDEX "VocabularyTerm_kind_code_idx" ON "VocabularyTerm"("kind", "code");

-- CreateIndex
CREATE UNIQUE INDEX "VocabularyTerm_organisationId_kind_code_key" ON "VocabularyTerm"("organisationId", "kind", "code");

-- CreateIndex
CREATE INDEX "ProcessingActivity_organisationId_status_idx" ON "ProcessingActivity"("organisationId", "status");

-- CreateIndex
CREATE INDEX "ProcessingActivity_departmentId_idx" ON "ProcessingActivity"("departmentId");

-- CreateIndex
CREATE INDEX "ProcessingActivity_clientVendorId_idx" ON "ProcessingActivity"("clientVendorId");

-- CreateIndex
CREATE INDEX "ProcessingActivity_organisationId_nextReviewAt_idx" ON "ProcessingActivity"("organisationId", "nextReviewAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessingActivity_organisationId_referenceNumber_key" ON "ProcessingActivity"("organisationId", "referenceNumber");

-- CreateIndex
CREATE INDEX "Purpose_activityId_idx" ON "Purpose"("activityId");

-- CreateIndex
CREATE INDEX "PurposeLegalBasis_purposeId_idx" ON "PurposeLegalBasis"("purposeId");

-- CreateIndex
CREATE INDEX "PurposeLegalBasis_basisCode_idx" ON "PurposeLegalBasis"("basisCode");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityDataSubject_activityId_categoryCode_key" ON "ActivityDataSubject"("activityId", "categoryCode");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityDataCategory_activityId_categoryCode_key" ON "ActivityDataCategory"("activityId", "categoryCode");

-- CreateIndex
CREATE INDEX "ActivitySystem_activityId_idx" ON "ActivitySystem"("activityId");

-- CreateIndex
CREATE INDEX "ActivitySystem_vendorId_idx" ON "ActivitySystem"("vendorId");

-- CreateIndex
CREATE INDEX "JointController_activityId_idx" ON "JointController"("activityId");

-- CreateIndex
CREATE INDEX "JointController_vendorId_idx" ON "JointController"("vendorId");

-- CreateIndex
CREATE INDEX "Recipient_organisationId_idx" ON "Recipient"("organisationId");

-- CreateIndex
CREATE INDEX "Recipient_activityId_idx" ON "Recipient"("activityId");

-- CreateIndex
CREATE INDEX "Recipient_vendorId_idx" ON "Recipient"("vendorId");

-- CreateIndex
CREATE INDEX "Recipient_departmentId_idx" ON "Recipient"("departmentId");

-- CreateIndex
CREATE INDEX "RecipientDataCategory_dataCategoryId_idx" ON "RecipientDataCategory"("dataCategoryId");

-- CreateIndex
CREATE INDEX "Transfer_organisationId_destinationCountry_idx" ON "Transfer"("organisationId", "destinationCountry");

-- CreateIndex
CREATE INDEX "Transfer_organisationId_mechanism_idx" ON "Transfer"("organisationId", "mechanism");

-- CreateIndex
CREATE INDEX "Transfer_recipientId_idx" ON "Transfer"("recipientId");

-- CreateIndex
CREATE INDEX "Transfer_destinationCountry_idx" ON "Transfer"("destinationCountry");

-- CreateIndex
CREATE INDEX "Transfer_viaVendorId_idx" ON "Transfer"("viaVendorId");

-- CreateIndex
CREATE INDEX "Transfer_tiaId_idx" ON "Transfer"("tiaId");

-- CreateIndex
CREATE INDEX "TransferImpactAssessment_organisationId_idx" ON "TransferImpactAssessment"("organisationId");

-- CreateIndex
CREATE INDEX "TransferImpactAssessment_vendorId_idx" ON "TransferImpactAssessment"("vendorId");

-- CreateIndex
CREATE INDEX "Vendor_organisationId_country_idx" ON "Vendor"("organisationId", "country");

-- CreateIndex
CREATE INDEX "Vendor_parentVendorId_idx" ON "Vendor"("parentVendorId");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_organisationId_name_key" ON "Vendor"("organisationId", "name");

-- CreateIndex
CREATE INDEX "VendorLocation_vendorId_idx" ON "VendorLocation"("vendorId");

-- CreateIndex
CREATE INDEX "VendorLocation_country_idx" ON "VendorLocation"("country");

-- CreateIndex
CREATE INDEX "VendorCertification_vendorId_idx" ON "VendorCertification"("vendorId");

-- CreateIndex
CREATE INDEX "DpfCheck_vendorId_checkedAt_idx" ON "DpfCheck"("vendorId", "checkedAt");

-- CreateIndex
CREATE INDEX "SubProcessor_vendorId_idx" ON "SubProcessor"("vendorId");

-- CreateIndex
CREATE INDEX "SubProcessor_subVendorId_idx" ON "SubProcessor"("subVendorId");

-- CreateIndex
CREATE INDEX "VendorContact_email_idx" ON "VendorContact"("email");

-- CreateIndex
CREATE INDEX "VendorContact_userId_idx" ON "VendorContact"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorContact_vendorId_email_key" ON "VendorContact"("vendorId", "email");

-- CreateIndex
CREATE INDEX "VendorProposal_vendorId_status_idx" ON "VendorProposal"("vendorId", "status");

-- CreateIndex
CREATE INDEX "DataProcessingAgreement_organisationId_idx" ON "DataProcessingAgreement"("organisationId");

-- CreateIndex
CREATE INDEX "DataProcessingAgreement_vendorId_idx" ON "DataProcessingAgreement"("vendorId");

-- CreateIndex
CREATE INDEX "DpaActivity_activityId_idx" ON "DpaActivity"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "TechnicalOrganisationalMeasure_organisationId_code_key" ON "TechnicalOrganisationalMeasure"("organisationId", "code");

-- CreateIndex
CREATE INDEX "ActivityTom_tomId_idx" ON "ActivityTom"("tomId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceDataVersion_version_key" ON "ReferenceDataVersion"("version");

-- CreateIndex
CREATE UNIQUE INDEX "LegalSource_identifier_key" ON "LegalSource"("identifier");

-- CreateIndex
CREATE INDEX "AdequacyDecision_countryCode_idx" ON "AdequacyDecision"("countryCode");

-- CreateIndex
CREATE INDEX "AdequacyDecision_sourceId_idx" ON "AdequacyDecision"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "TransferInstrument_code_key" ON "TransferInstrument"("code");

-- CreateIndex
CREATE INDEX "TransferInstrument_sourceId_idx" ON "TransferInstrument"("sourceId");

-- CreateIndex
CREATE INDEX "DpiaList_sourceId_idx" ON "DpiaList"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "DpiaList_code_version_key" ON "DpiaList"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "DpiaListItem_listId_code_key" ON "DpiaListItem"("listId", "code");

-- CreateIndex
CREATE INDEX "Revision_organisationId_createdAt_idx" ON "Revision"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_entityType_entityId_version_key" ON "Revision"("entityType", "entityId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_createdAt_idx" ON "AuditEvent"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainId_seq_key" ON "AuditEvent"("chainId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainId_prevHash_key" ON "AuditEvent"("chainId", "prevHash");


-- Append-only evidence (hand-written): the audit trail and the revision history refuse UPDATE and DELETE.
CREATE TRIGGER "AuditEvent_append_only_update" BEFORE UPDATE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER "AuditEvent_append_only_delete" BEFORE DELETE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER "Revision_append_only_update" BEFORE UPDATE ON "Revision" BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER "Revision_append_only_delete" BEFORE DELETE ON "Revision" BEGIN SELECT RAISE(ABORT, 'append-only'); END;
