
-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('ADMIN', 'DPO', 'EDITOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "VocabularyKind" AS ENUM ('LEGAL_BASIS', 'DATA_SUBJECT', 'DATA_CATEGORY', 'RECIPIENT_CATEGORY', 'RETENTION_START', 'DATA_SOURCE');

-- CreateEnum
CREATE TYPE "ActivityRole" AS ENUM ('CONTROLLER', 'JOINT_CONTROLLER', 'PROCESSOR');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'RELEASED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "DpiaDecision" AS ENUM ('PENDING', 'NOT_REQUIRED', 'REQUIRED');

-- CreateEnum
CREATE TYPE "DpiaStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "OperatingStage" AS ENUM ('PLANNING', 'TEST', 'ROLL_OUT', 'OPERATION');

-- CreateEnum
CREATE TYPE "RecipientKind" AS ENUM ('VENDOR', 'INTERNAL', 'CATEGORY');

-- CreateEnum
CREATE TYPE "RecipientRole" AS ENUM ('PROCESSOR', 'SUB_PROCESSOR', 'INDEPENDENT_CONTROLLER', 'JOINT_CONTROLLER', 'PUBLIC_AUTHORITY', 'INTERNAL', 'OTHER');

-- CreateEnum
CREATE TYPE "TransferMechanism" AS ENUM ('NOT_A_TRANSFER', 'ADEQUACY', 'DPF', 'SCC_2021_M1', 'SCC_2021_M2', 'SCC_2021_M3', 'SCC_2021_M4', 'BCR_C', 'BCR_P', 'CODE_OF_CONDUCT', 'CERTIFICATION', 'PUBLIC_AUTHORITY_INSTRUMENT', 'AD_HOC_CLAUSES', 'ADMIN_ARRANGEMENT', 'ART49_1A', 'ART49_1B', 'ART49_1C', 'ART49_1D', 'ART49_1E', 'ART49_1F', 'ART49_1G', 'ART49_1_SUBPARA2', 'SCC_OLD', 'PRIVACY_SHIELD', 'SAFE_HARBOR', 'NONE_STATED', 'OTHER');

-- CreateEnum
CREATE TYPE "TransferAccess" AS ENUM ('STORAGE', 'REMOTE_ACCESS', 'BOTH');

-- CreateEnum
CREATE TYPE "TiaConclusion" AS ENUM ('GO', 'GO_WITH_MEASURES', 'STOP');

-- CreateEnum
CREATE TYPE "DataFormat" AS ENUM ('CLEAR', 'PSEUDONYMISED', 'ENCRYPTED');

-- CreateEnum
CREATE TYPE "VendorKind" AS ENUM ('PROCESSOR', 'SUB_PROCESSOR', 'INDEPENDENT_CONTROLLER', 'JOINT_CONTROLLER', 'AUTHORITY', 'CLIENT_CONTROLLER', 'OTHER');

-- CreateEnum
CREATE TYPE "LocationPurpose" AS ENUM ('STORAGE', 'PROCESSING', 'SUPPORT', 'REMOTE_ACCESS');

-- CreateEnum
CREATE TYPE "DpfStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'NOT_LISTED');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DpaStatus" AS ENUM ('DRAFT', 'IN_NEGOTIATION', 'SIGNED', 'TERMINATED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "TomCategory" AS ENUM ('PSEUDONYMISATION_ENCRYPTION', 'CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY_RESILIENCE', 'EVALUATION', 'ORGANISATIONAL', 'OTHER');

-- CreateEnum
CREATE TYPE "LegalSourceKind" AS ENUM ('REGULATION', 'DECISION', 'JUDGMENT', 'GUIDELINE', 'LIST');

-- CreateEnum
CREATE TYPE "AdequacyScope" AS ENUM ('FULL', 'DPF_CERTIFIED_ONLY', 'COMMERCIAL_PIPEDA', 'PRIVATE_SECTOR', 'PARTIAL');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMP(3),
    "locale" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
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
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VocabularyTerm" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "kind" "VocabularyKind" NOT NULL,
    "code" TEXT NOT NULL,
    "labelDe" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "group" TEXT,
    "citation" TEXT,
    "isSpecialCategory" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VocabularyTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessingActivity" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "referenceNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "departmentId" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "role" "ActivityRole" NOT NULL DEFAULT 'CONTROLLER',
    "jointArrangement" TEXT,
    "clientVendorId" TEXT,
    "processingCategories" TEXT,
    "status" "ActivityStatus" NOT NULL DEFAULT 'DRAFT',
    "operatingStage" "OperatingStage" NOT NULL DEFAULT 'OPERATION',
    "dataSources" TEXT,
    "estimatedDataSubjects" INTEGER,
    "automatedDecisionMaking" BOOLEAN NOT NULL DEFAULT false,
    "profiling" BOOLEAN NOT NULL DEFAULT false,
    "informationProvided" TEXT,
    "generalTomDescription" TEXT,
    "noThirdCountryTransfer" BOOLEAN NOT NULL DEFAULT false,
    "dpiaCriteria" JSONB,
    "dpiaDecision" "DpiaDecision" NOT NULL DEFAULT 'PENDING',
    "dpiaDecisionReason" TEXT,
    "dpiaStatus" "DpiaStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "dpiaReference" TEXT,
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "lastReviewedAt" TIMESTAMP(3),
    "nextReviewAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "releasedById" TEXT,
    "copiedFromId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "ProcessingActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Purpose" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,

    CONSTRAINT "Purpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurposeLegalBasis" (
    "id" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "basisCode" TEXT NOT NULL,
    "note" TEXT,
    "legitimateInterest" TEXT,
    "liaReference" TEXT,

    CONSTRAINT "PurposeLegalBasis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityDataSubject" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "ActivityDataSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityDataCategory" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "description" TEXT,
    "isSpecialCategory" BOOLEAN NOT NULL DEFAULT false,
    "retentionPeriod" TEXT,
    "retentionMonths" INTEGER,
    "retentionStartCode" TEXT,
    "retentionLegalRef" TEXT,
    "sourceCode" TEXT,

    CONSTRAINT "ActivityDataCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivitySystem" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "vendorId" TEXT,
    "location" TEXT,
    "note" TEXT,

    CONSTRAINT "ActivitySystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointController" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "vendorId" TEXT,
    "name" TEXT NOT NULL,
    "contact" TEXT,
    "arrangementRef" TEXT,
    "responsibilities" TEXT,

    CONSTRAINT "JointController_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "kind" "RecipientKind" NOT NULL,
    "vendorId" TEXT,
    "departmentId" TEXT,
    "categoryCode" TEXT,
    "role" "RecipientRole" NOT NULL,
    "service" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientDataCategory" (
    "recipientId" TEXT NOT NULL,
    "dataCategoryId" TEXT NOT NULL,

    CONSTRAINT "RecipientDataCategory_pkey" PRIMARY KEY ("recipientId","dataCategoryId")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "destinationCountry" TEXT,
    "internationalOrganisation" TEXT,
    "access" "TransferAccess" NOT NULL DEFAULT 'STORAGE',
    "viaVendorId" TEXT,
    "mechanism" "TransferMechanism" NOT NULL DEFAULT 'NONE_STATED',
    "mechanismNote" TEXT,
    "contractConcludedAt" TIMESTAMP(3),
    "isRegular" BOOLEAN NOT NULL DEFAULT true,
    "importerSubjectToGdpr" BOOLEAN NOT NULL DEFAULT false,
    "art49Assessment" TEXT,
    "saInformedAt" TIMESTAMP(3),
    "tiaId" TEXT,
    "tiaReference" TEXT,
    "tiaDate" TIMESTAMP(3),
    "supplementaryMeasures" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferImpactAssessment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "vendorId" TEXT,
    "title" TEXT NOT NULL,
    "destinationCountry" TEXT,
    "importerRole" TEXT,
    "mechanism" "TransferMechanism",
    "dataFormat" "DataFormat" NOT NULL DEFAULT 'CLEAR',
    "lawsAssessed" TEXT,
    "practicalExperience" TEXT,
    "supplementaryMeasures" TEXT,
    "residualRisk" TEXT,
    "conclusion" "TiaConclusion",
    "signedOffBy" TEXT,
    "assessedAt" TIMESTAMP(3),
    "nextReviewAt" TIMESTAMP(3),
    "documentUrl" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "TransferImpactAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalForm" TEXT,
    "kind" "VendorKind" NOT NULL DEFAULT 'PROCESSOR',
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
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorLocation" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "city" TEXT,
    "purpose" "LocationPurpose" NOT NULL DEFAULT 'STORAGE',
    "note" TEXT,

    CONSTRAINT "VendorLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorCertification" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT,
    "certificateNumber" TEXT,
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "documentUrl" TEXT,

    CONSTRAINT "VendorCertification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DpfCheck" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "status" "DpfStatus" NOT NULL,
    "listedName" TEXT,
    "listUrl" TEXT,
    "frameworks" TEXT,
    "coversHr" BOOLEAN NOT NULL DEFAULT false,
    "coversNonHr" BOOLEAN NOT NULL DEFAULT true,
    "certifiedSince" TIMESTAMP(3),
    "nextCertificationDue" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "checkedById" TEXT,
    "checkedByName" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DpfCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubProcessor" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "subVendorId" TEXT,
    "name" TEXT NOT NULL,
    "country" TEXT,
    "service" TEXT,
    "access" "TransferAccess" NOT NULL DEFAULT 'STORAGE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubProcessor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorContact" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "function" TEXT,
    "phone" TEXT,
    "canSignIn" BOOLEAN NOT NULL DEFAULT true,
    "userId" TEXT,
    "disabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorProposal" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataProcessingAgreement" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "DpaStatus" NOT NULL DEFAULT 'DRAFT',
    "signedAt" TIMESTAMP(3),
    "documentVersion" TEXT,
    "effectiveFrom" TIMESTAMP(3),
    "termEndsAt" TIMESTAMP(3),
    "nextReviewAt" TIMESTAMP(3),
    "art28a" BOOLEAN NOT NULL DEFAULT false,
    "art28b" BOOLEAN NOT NULL DEFAULT false,
    "art28c" BOOLEAN NOT NULL DEFAULT false,
    "art28d" BOOLEAN NOT NULL DEFAULT false,
    "art28e" BOOLEAN NOT NULL DEFAULT false,
    "art28f" BOOLEAN NOT NULL DEFAULT false,
    "art28g" BOOLEAN NOT NULL DEFAULT false,
    "art28h" BOOLEAN NOT NULL DEFAULT false,
    "sccMechanism" "TransferMechanism",
    "documentRef" TEXT,
    "documentUrl" TEXT,
    "notes" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,

    CONSTRAINT "DataProcessingAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DpaActivity" (
    "dpaId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,

    CONSTRAINT "DpaActivity_pkey" PRIMARY KEY ("dpaId","activityId")
);

-- CreateTable
CREATE TABLE "TechnicalOrganisationalMeasure" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "category" "TomCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "documentUrl" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TechnicalOrganisationalMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityTom" (
    "activityId" TEXT NOT NULL,
    "tomId" TEXT NOT NULL,

    CONSTRAINT "ActivityTom_pkey" PRIMARY KEY ("activityId","tomId")
);

-- CreateTable
CREATE TABLE "ReferenceDataVersion" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "releasedAt" TIMESTAMP(3) NOT NULL,
    "contentHash" TEXT NOT NULL,
    "changedById" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceDataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "code" TEXT NOT NULL,
    "nameDe" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "eeaFrom" TIMESTAMP(3),
    "eeaTo" TIMESTAMP(3),
    "isTerritoryOf" TEXT,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LegalSource" (
    "id" TEXT NOT NULL,
    "kind" "LegalSourceKind" NOT NULL,
    "identifier" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "adoptedOn" TIMESTAMP(3),
    "publishedOn" TIMESTAMP(3),
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdequacyDecision" (
    "id" TEXT NOT NULL,
    "countryCode" TEXT,
    "organisationName" TEXT,
    "sourceId" TEXT NOT NULL,
    "scope" "AdequacyScope" NOT NULL DEFAULT 'FULL',
    "scopeText" TEXT,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "entryIntoForce" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "reviewDue" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'IN_FORCE',
    "checkedAt" TIMESTAMP(3),
    "note" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdequacyDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferInstrument" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3),
    "newContractsUntil" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "successorCode" TEXT,
    "sourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TransferInstrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DpiaList" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "title" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DpiaList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DpiaListItem" (
    "id" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "itemNo" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "textDe" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "hard" BOOLEAN NOT NULL DEFAULT false,
    "verified" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "DpiaListItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chainId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chainId")
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

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VocabularyTerm" ADD CONSTRAINT "VocabularyTerm_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingActivity" ADD CONSTRAINT "ProcessingActivity_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingActivity" ADD CONSTRAINT "ProcessingActivity_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingActivity" ADD CONSTRAINT "ProcessingActivity_clientVendorId_fkey" FOREIGN KEY ("clientVendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purpose" ADD CONSTRAINT "Purpose_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurposeLegalBasis" ADD CONSTRAINT "PurposeLegalBasis_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityDataSubject" ADD CONSTRAINT "ActivityDataSubject_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityDataCategory" ADD CONSTRAINT "ActivityDataCategory_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySystem" ADD CONSTRAINT "ActivitySystem_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySystem" ADD CONSTRAINT "ActivitySystem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointController" ADD CONSTRAINT "JointController_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointController" ADD CONSTRAINT "JointController_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientDataCategory" ADD CONSTRAINT "RecipientDataCategory_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientDataCategory" ADD CONSTRAINT "RecipientDataCategory_dataCategoryId_fkey" FOREIGN KEY ("dataCategoryId") REFERENCES "ActivityDataCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_destinationCountry_fkey" FOREIGN KEY ("destinationCountry") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_viaVendorId_fkey" FOREIGN KEY ("viaVendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_tiaId_fkey" FOREIGN KEY ("tiaId") REFERENCES "TransferImpactAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferImpactAssessment" ADD CONSTRAINT "TransferImpactAssessment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferImpactAssessment" ADD CONSTRAINT "TransferImpactAssessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_parentVendorId_fkey" FOREIGN KEY ("parentVendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorLocation" ADD CONSTRAINT "VendorLocation_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorCertification" ADD CONSTRAINT "VendorCertification_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpfCheck" ADD CONSTRAINT "DpfCheck_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubProcessor" ADD CONSTRAINT "SubProcessor_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubProcessor" ADD CONSTRAINT "SubProcessor_subVendorId_fkey" FOREIGN KEY ("subVendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorContact" ADD CONSTRAINT "VendorContact_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorContact" ADD CONSTRAINT "VendorContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorProposal" ADD CONSTRAINT "VendorProposal_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataProcessingAgreement" ADD CONSTRAINT "DataProcessingAgreement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataProcessingAgreement" ADD CONSTRAINT "DataProcessingAgreement_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpaActivity" ADD CONSTRAINT "DpaActivity_dpaId_fkey" FOREIGN KEY ("dpaId") REFERENCES "DataProcessingAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpaActivity" ADD CONSTRAINT "DpaActivity_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechnicalOrganisationalMeasure" ADD CONSTRAINT "TechnicalOrganisationalMeasure_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityTom" ADD CONSTRAINT "ActivityTom_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityTom" ADD CONSTRAINT "ActivityTom_tomId_fkey" FOREIGN KEY ("tomId") REFERENCES "TechnicalOrganisationalMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdequacyDecision" ADD CONSTRAINT "AdequacyDecision_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdequacyDecision" ADD CONSTRAINT "AdequacyDecision_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "LegalSource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferInstrument" ADD CONSTRAINT "TransferInstrument_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "LegalSource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpiaList" ADD CONSTRAINT "DpiaList_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "LegalSource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpiaListItem" ADD CONSTRAINT "DpiaListItem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "DpiaList"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Append-only evidence (hand-written): the audit trail and the revision history refuse UPDATE and DELETE.
CREATE FUNCTION "refuse_append_only_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "Revision_append_only" BEFORE UPDATE OR DELETE ON "Revision" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "Revision_no_truncate" BEFORE TRUNCATE ON "Revision" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
