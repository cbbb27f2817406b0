/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorName\n          createdAt\n          subjectType\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AdminInvitations {\n    invitations {\n      id\n      email\n      role\n      accepted\n      createdAt\n      expiresAt\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n    }\n  }\n": typeof types.AdminInvitationsDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      acceptPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.CreateInvitationDocument,
    "\n  query AdminSchools {\n    schools {\n      id\n      name\n      district\n      timeZone\n    }\n  }\n": typeof types.AdminSchoolsDocument,
    "\n  mutation CreateSchool($input: CreateSchoolInput!) {\n    createSchool(input: $input) {\n      school {\n        id\n        name\n        district\n        timeZone\n      }\n    }\n  }\n": typeof types.CreateSchoolDocument,
    "\n  mutation RenameSchool($input: UpdateSchoolInput!) {\n    updateSchool(input: $input) {\n      school {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenameSchoolDocument,
    "\n  query AdminStaff {\n    staffMembers {\n      id\n      displayName\n      email\n      role\n      disabled\n      school {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminStaffDocument,
    "\n  mutation SetAccountDisabled($input: SetAccountDisabledInput!) {\n    setAccountDisabled(input: $input) {\n      account {\n        id\n        disabled\n      }\n    }\n  }\n": typeof types.SetAccountDisabledDocument,
    "\n  mutation CreatePasswordReset($input: CreatePasswordResetInput!) {\n    createPasswordReset(input: $input) {\n      resetPath\n      expiresAt\n    }\n  }\n": typeof types.CreatePasswordResetDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      me {\n        id\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation PupilSignIn($input: PupilSignInInput!) {\n    signInPupil(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.PupilSignInDocument,
    "\n  mutation CompletePasswordReset($input: CompletePasswordResetInput!) {\n    completePasswordReset(input: $input) {\n      passwordChanged\n    }\n  }\n": typeof types.CompletePasswordResetDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query AssignBrief($id: ID!) {\n    brief(id: $id) {\n      id\n      title {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n      }\n    }\n    classes {\n      id\n      name\n      archivedAt\n      school {\n        id\n        timeZone\n      }\n    }\n  }\n": typeof types.AssignBriefDocument,
    "\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      assignment {\n        id\n        classId\n      }\n    }\n  }\n": typeof types.CreateAssignmentDocument,
    "\n  fragment BriefCard_brief on Brief {\n    id\n    title {\n      zh\n      en\n    }\n    drivingQuestion {\n      zh\n      en\n    }\n    theme\n    gradeFrom\n    gradeTo\n    status\n    milestones {\n      key\n    }\n  }\n": typeof types.BriefCard_BriefFragmentDoc,
    "\n  query BriefEditor($id: ID!) {\n    brief(id: $id) {\n      id\n      editable\n      theme\n      gradeFrom\n      gradeTo\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n      }\n    }\n  }\n": typeof types.BriefEditorDocument,
    "\n  mutation CreateBrief($input: CreateBriefInput!) {\n    createBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n": typeof types.CreateBriefDocument,
    "\n  mutation UpdateBrief($input: UpdateBriefInput!) {\n    updateBrief(input: $input) {\n      brief {\n        id\n        version\n      }\n    }\n  }\n": typeof types.UpdateBriefDocument,
    "\n  query BriefLibrary($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    briefLibrary(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.BriefLibraryDocument,
    "\n  query MyBriefs($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    myBriefs(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MyBriefsDocument,
    "\n  query BriefPage($id: ID!) {\n    brief(id: $id) {\n      id\n      version\n      status\n      editable\n      inLibrary\n      theme\n      gradeFrom\n      gradeTo\n      maxPoints\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n      }\n    }\n  }\n": typeof types.BriefPageDocument,
    "\n  mutation CopyBrief($input: BriefIdInput!) {\n    copyBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n": typeof types.CopyBriefDocument,
    "\n  mutation PublishBrief($input: BriefIdInput!) {\n    publishBrief(input: $input) {\n      brief {\n        id\n        status\n      }\n    }\n  }\n": typeof types.PublishBriefDocument,
    "\n  mutation AddPupil($input: AddPupilInput!) {\n    addPupil(input: $input) {\n      pupilCode\n      pupil {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.AddPupilDocument,
    "\n  query ClassPage($id: ID!) {\n    class(id: $id) {\n      id\n      name\n      grade\n      schoolYear\n      classCode\n      archivedAt\n      viewerCanManage\n      school {\n        id\n        name\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n    classRoster(classId: $id) {\n      pupils {\n        id\n        displayName\n        studentNumber\n        disabled\n      }\n    }\n    signInCards(classId: $id) {\n      classId\n      cards {\n        pupilId\n        pupilCode\n      }\n    }\n    classAssignments(classId: $id, first: 50) {\n      edges {\n        node {\n          id\n          briefId\n          title {\n            zh\n            en\n          }\n          startsAt\n          dueAt\n          mode\n          museumSession {\n            kind\n            at\n            place\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClassPageDocument,
    "\n  mutation AddClassTeacher($input: AddClassTeacherInput!) {\n    addClassTeacher(input: $input) {\n      class {\n        id\n        teachers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.AddClassTeacherDocument,
    "\n  mutation ArchiveClass($input: ArchiveClassInput!) {\n    archiveClass(input: $input) {\n      class {\n        id\n        archivedAt\n      }\n    }\n  }\n": typeof types.ArchiveClassDocument,
    "\n  query MyClasses {\n    classes {\n      id\n      name\n      grade\n      schoolYear\n      pupilCount\n      archivedAt\n      school {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyClassesDocument,
    "\n  mutation CreateClass($input: CreateClassInput!) {\n    createClass(input: $input) {\n      class {\n        id\n      }\n    }\n  }\n": typeof types.CreateClassDocument,
    "\n  query PreviewRoster($classId: ID!, $csv: String!) {\n    previewRoster(classId: $classId, csv: $csv) {\n      valid\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n": typeof types.PreviewRosterDocument,
    "\n  mutation ImportRoster($input: ImportRosterInput!) {\n    importRoster(input: $input) {\n      imported\n      importedCount\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n": typeof types.ImportRosterDocument,
    "\n  mutation ResetPupilCode($input: ResetPupilCodeInput!) {\n    resetPupilCode(input: $input) {\n      pupilId\n      pupilCode\n    }\n  }\n": typeof types.ResetPupilCodeDocument,
    "\n  query SignInCards($classId: ID!) {\n    signInCards(classId: $classId) {\n      classId\n      className\n      classCode\n      cards {\n        pupilId\n        displayName\n        pupilCode\n        signInPath\n      }\n    }\n  }\n": typeof types.SignInCardsDocument,
    "\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n": typeof types.CollectionObjectCard_ObjectFragmentDoc,
    "\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.CollectionPageDocument,
    "\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n": typeof types.ObjectPageDocument,
    "\n  mutation ImportCollectionObjects($input: ImportCollectionInput!) {\n    importCollectionObjects(input: $input) {\n      imported\n    }\n  }\n": typeof types.ImportCollectionObjectsDocument,
    "\n  query ObjectEditor($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n      ...ObjectImages_Object\n    }\n  }\n": typeof types.ObjectEditorDocument,
    "\n  mutation CreateCollectionObject($input: CreateCollectionObjectInput!) {\n    createCollectionObject(input: $input) {\n      object {\n        id\n      }\n    }\n  }\n": typeof types.CreateCollectionObjectDocument,
    "\n  mutation UpdateCollectionObject($input: UpdateCollectionObjectInput!) {\n    updateCollectionObject(input: $input) {\n      object {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n        maker {\n          zh\n          en\n        }\n        period {\n          zh\n          en\n        }\n        kind {\n          zh\n          en\n        }\n        description {\n          zh\n          en\n        }\n        location\n        rightsStatement\n        themes\n      }\n    }\n  }\n": typeof types.UpdateCollectionObjectDocument,
    "\n  fragment ObjectImages_Object on CollectionObject {\n    id\n    images {\n      fileId\n      caption\n      thumbnailUrl\n      url\n    }\n  }\n": typeof types.ObjectImages_ObjectFragmentDoc,
    "\n  mutation RequestCollectionImageUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n": typeof types.RequestCollectionImageUploadDocument,
    "\n  mutation AddCollectionObjectImage($input: AddCollectionObjectImageInput!) {\n    addCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n": typeof types.AddCollectionObjectImageDocument,
    "\n  mutation RemoveCollectionObjectImage($input: RemoveCollectionObjectImageInput!) {\n    removeCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n": typeof types.RemoveCollectionObjectImageDocument,
    "\n  query PupilHome($first: Int!, $after: String) {\n    myAssignments(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          className\n          mode\n          dueAt\n          title {\n            zh\n            en\n          }\n          drivingQuestion {\n            zh\n            en\n          }\n          nextMilestone {\n            key\n            number\n            dueAt\n            title {\n              zh\n              en\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PupilHomeDocument,
    "\n  fragment MyTeam_team on Team {\n    id\n    name\n    members {\n      id\n      displayName\n    }\n  }\n": typeof types.MyTeam_TeamFragmentDoc,
    "\n  mutation JoinTeam($input: JoinTeamInput!) {\n    joinTeam(input: $input) {\n      teams {\n        ...MyTeam_team\n      }\n    }\n  }\n": typeof types.JoinTeamDocument,
    "\n  query TeamsPage($assignmentId: ID!, $classId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      classId\n      mode\n      title {\n        zh\n        en\n      }\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n    classRoster(classId: $classId) {\n      pupils {\n        id\n        displayName\n        disabled\n      }\n    }\n  }\n": typeof types.TeamsPageDocument,
    "\n  mutation MakeBalancedTeams($input: MakeBalancedTeamsInput!) {\n    makeBalancedTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n": typeof types.MakeBalancedTeamsDocument,
    "\n  mutation SetTeams($input: SetTeamsInput!) {\n    setTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SetTeamsDocument,
    "\n  mutation RequestWorkUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n": typeof types.RequestWorkUploadDocument,
    "\n  query CiteObjectSearch($search: String!) {\n    collectionObjects(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          accessionNumber\n          title {\n            zh\n            en\n          }\n        }\n      }\n    }\n  }\n": typeof types.CiteObjectSearchDocument,
    "\n  fragment PartEditor_part on WorkPart {\n    partKey\n    revision\n    body\n    evidence {\n      id\n      kind\n      objectId\n      observation\n      title\n      author\n      url\n      seenOn\n      note\n    }\n    attachmentIds\n    updatedAt\n  }\n": typeof types.PartEditor_PartFragmentDoc,
    "\n  fragment AttemptList_version on WorkVersion {\n    id\n    attempt\n    status\n    late\n    submittedAt\n    opened\n    scope\n    feedback {\n      versionId\n      overallComment\n      released\n      score\n      maxPoints\n      comments {\n        id\n        partKey\n        text\n      }\n    }\n  }\n": typeof types.AttemptList_VersionFragmentDoc,
    "\n  mutation SubmitWork($input: SubmitWorkInput!) {\n    submitWork(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n": typeof types.SubmitWorkDocument,
    "\n  mutation WithdrawSubmission($input: SubmissionIdInput!) {\n    withdrawSubmission(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n": typeof types.WithdrawSubmissionDocument,
    "\n  query CompareAttempts($fromVersionId: ID!, $toVersionId: ID!) {\n    compareWorkVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      partKey\n      lines {\n        op\n        text\n      }\n    }\n  }\n": typeof types.CompareAttemptsDocument,
    "\n  query WorkspacePage($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      dueAt\n      mode\n      teams {\n        ...MyTeam_team\n      }\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      milestones {\n        key\n        number\n        dueAt\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n    }\n    myWork(assignmentId: $assignmentId) {\n      id\n      editable\n      parts {\n        ...PartEditor_part\n      }\n      versions {\n        ...AttemptList_version\n      }\n    }\n  }\n": typeof types.WorkspacePageDocument,
    "\n  mutation SaveWorkPart($input: SaveWorkPartInput!) {\n    saveWorkPart(input: $input) {\n      part {\n        ...PartEditor_part\n      }\n    }\n  }\n": typeof types.SaveWorkPartDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n    }\n  }\n": types.ViewerDocument,
    "\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorName\n          createdAt\n          subjectType\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AdminInvitations {\n    invitations {\n      id\n      email\n      role\n      accepted\n      createdAt\n      expiresAt\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n    }\n  }\n": types.AdminInvitationsDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      acceptPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.CreateInvitationDocument,
    "\n  query AdminSchools {\n    schools {\n      id\n      name\n      district\n      timeZone\n    }\n  }\n": types.AdminSchoolsDocument,
    "\n  mutation CreateSchool($input: CreateSchoolInput!) {\n    createSchool(input: $input) {\n      school {\n        id\n        name\n        district\n        timeZone\n      }\n    }\n  }\n": types.CreateSchoolDocument,
    "\n  mutation RenameSchool($input: UpdateSchoolInput!) {\n    updateSchool(input: $input) {\n      school {\n        id\n        name\n      }\n    }\n  }\n": types.RenameSchoolDocument,
    "\n  query AdminStaff {\n    staffMembers {\n      id\n      displayName\n      email\n      role\n      disabled\n      school {\n        id\n        name\n      }\n    }\n  }\n": types.AdminStaffDocument,
    "\n  mutation SetAccountDisabled($input: SetAccountDisabledInput!) {\n    setAccountDisabled(input: $input) {\n      account {\n        id\n        disabled\n      }\n    }\n  }\n": types.SetAccountDisabledDocument,
    "\n  mutation CreatePasswordReset($input: CreatePasswordResetInput!) {\n    createPasswordReset(input: $input) {\n      resetPath\n      expiresAt\n    }\n  }\n": types.CreatePasswordResetDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      me {\n        id\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation PupilSignIn($input: PupilSignInInput!) {\n    signInPupil(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": types.PupilSignInDocument,
    "\n  mutation CompletePasswordReset($input: CompletePasswordResetInput!) {\n    completePasswordReset(input: $input) {\n      passwordChanged\n    }\n  }\n": types.CompletePasswordResetDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query AssignBrief($id: ID!) {\n    brief(id: $id) {\n      id\n      title {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n      }\n    }\n    classes {\n      id\n      name\n      archivedAt\n      school {\n        id\n        timeZone\n      }\n    }\n  }\n": types.AssignBriefDocument,
    "\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      assignment {\n        id\n        classId\n      }\n    }\n  }\n": types.CreateAssignmentDocument,
    "\n  fragment BriefCard_brief on Brief {\n    id\n    title {\n      zh\n      en\n    }\n    drivingQuestion {\n      zh\n      en\n    }\n    theme\n    gradeFrom\n    gradeTo\n    status\n    milestones {\n      key\n    }\n  }\n": types.BriefCard_BriefFragmentDoc,
    "\n  query BriefEditor($id: ID!) {\n    brief(id: $id) {\n      id\n      editable\n      theme\n      gradeFrom\n      gradeTo\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n      }\n    }\n  }\n": types.BriefEditorDocument,
    "\n  mutation CreateBrief($input: CreateBriefInput!) {\n    createBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n": types.CreateBriefDocument,
    "\n  mutation UpdateBrief($input: UpdateBriefInput!) {\n    updateBrief(input: $input) {\n      brief {\n        id\n        version\n      }\n    }\n  }\n": types.UpdateBriefDocument,
    "\n  query BriefLibrary($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    briefLibrary(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.BriefLibraryDocument,
    "\n  query MyBriefs($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    myBriefs(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.MyBriefsDocument,
    "\n  query BriefPage($id: ID!) {\n    brief(id: $id) {\n      id\n      version\n      status\n      editable\n      inLibrary\n      theme\n      gradeFrom\n      gradeTo\n      maxPoints\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n      }\n    }\n  }\n": types.BriefPageDocument,
    "\n  mutation CopyBrief($input: BriefIdInput!) {\n    copyBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n": types.CopyBriefDocument,
    "\n  mutation PublishBrief($input: BriefIdInput!) {\n    publishBrief(input: $input) {\n      brief {\n        id\n        status\n      }\n    }\n  }\n": types.PublishBriefDocument,
    "\n  mutation AddPupil($input: AddPupilInput!) {\n    addPupil(input: $input) {\n      pupilCode\n      pupil {\n        id\n        displayName\n      }\n    }\n  }\n": types.AddPupilDocument,
    "\n  query ClassPage($id: ID!) {\n    class(id: $id) {\n      id\n      name\n      grade\n      schoolYear\n      classCode\n      archivedAt\n      viewerCanManage\n      school {\n        id\n        name\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n    classRoster(classId: $id) {\n      pupils {\n        id\n        displayName\n        studentNumber\n        disabled\n      }\n    }\n    signInCards(classId: $id) {\n      classId\n      cards {\n        pupilId\n        pupilCode\n      }\n    }\n    classAssignments(classId: $id, first: 50) {\n      edges {\n        node {\n          id\n          briefId\n          title {\n            zh\n            en\n          }\n          startsAt\n          dueAt\n          mode\n          museumSession {\n            kind\n            at\n            place\n          }\n        }\n      }\n    }\n  }\n": types.ClassPageDocument,
    "\n  mutation AddClassTeacher($input: AddClassTeacherInput!) {\n    addClassTeacher(input: $input) {\n      class {\n        id\n        teachers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.AddClassTeacherDocument,
    "\n  mutation ArchiveClass($input: ArchiveClassInput!) {\n    archiveClass(input: $input) {\n      class {\n        id\n        archivedAt\n      }\n    }\n  }\n": types.ArchiveClassDocument,
    "\n  query MyClasses {\n    classes {\n      id\n      name\n      grade\n      schoolYear\n      pupilCount\n      archivedAt\n      school {\n        id\n        name\n      }\n    }\n  }\n": types.MyClassesDocument,
    "\n  mutation CreateClass($input: CreateClassInput!) {\n    createClass(input: $input) {\n      class {\n        id\n      }\n    }\n  }\n": types.CreateClassDocument,
    "\n  query PreviewRoster($classId: ID!, $csv: String!) {\n    previewRoster(classId: $classId, csv: $csv) {\n      valid\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n": types.PreviewRosterDocument,
    "\n  mutation ImportRoster($input: ImportRosterInput!) {\n    importRoster(input: $input) {\n      imported\n      importedCount\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n": types.ImportRosterDocument,
    "\n  mutation ResetPupilCode($input: ResetPupilCodeInput!) {\n    resetPupilCode(input: $input) {\n      pupilId\n      pupilCode\n    }\n  }\n": types.ResetPupilCodeDocument,
    "\n  query SignInCards($classId: ID!) {\n    signInCards(classId: $classId) {\n      classId\n      className\n      classCode\n      cards {\n        pupilId\n        displayName\n        pupilCode\n        signInPath\n      }\n    }\n  }\n": types.SignInCardsDocument,
    "\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n": types.CollectionObjectCard_ObjectFragmentDoc,
    "\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.CollectionPageDocument,
    "\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n": types.ObjectPageDocument,
    "\n  mutation ImportCollectionObjects($input: ImportCollectionInput!) {\n    importCollectionObjects(input: $input) {\n      imported\n    }\n  }\n": types.ImportCollectionObjectsDocument,
    "\n  query ObjectEditor($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n      ...ObjectImages_Object\n    }\n  }\n": types.ObjectEditorDocument,
    "\n  mutation CreateCollectionObject($input: CreateCollectionObjectInput!) {\n    createCollectionObject(input: $input) {\n      object {\n        id\n      }\n    }\n  }\n": types.CreateCollectionObjectDocument,
    "\n  mutation UpdateCollectionObject($input: UpdateCollectionObjectInput!) {\n    updateCollectionObject(input: $input) {\n      object {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n        maker {\n          zh\n          en\n        }\n        period {\n          zh\n          en\n        }\n        kind {\n          zh\n          en\n        }\n        description {\n          zh\n          en\n        }\n        location\n        rightsStatement\n        themes\n      }\n    }\n  }\n": types.UpdateCollectionObjectDocument,
    "\n  fragment ObjectImages_Object on CollectionObject {\n    id\n    images {\n      fileId\n      caption\n      thumbnailUrl\n      url\n    }\n  }\n": types.ObjectImages_ObjectFragmentDoc,
    "\n  mutation RequestCollectionImageUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n": types.RequestCollectionImageUploadDocument,
    "\n  mutation AddCollectionObjectImage($input: AddCollectionObjectImageInput!) {\n    addCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n": types.AddCollectionObjectImageDocument,
    "\n  mutation RemoveCollectionObjectImage($input: RemoveCollectionObjectImageInput!) {\n    removeCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n": types.RemoveCollectionObjectImageDocument,
    "\n  query PupilHome($first: Int!, $after: String) {\n    myAssignments(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          className\n          mode\n          dueAt\n          title {\n            zh\n            en\n          }\n          drivingQuestion {\n            zh\n            en\n          }\n          nextMilestone {\n            key\n            number\n            dueAt\n            title {\n              zh\n              en\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PupilHomeDocument,
    "\n  fragment MyTeam_team on Team {\n    id\n    name\n    members {\n      id\n      displayName\n    }\n  }\n": types.MyTeam_TeamFragmentDoc,
    "\n  mutation JoinTeam($input: JoinTeamInput!) {\n    joinTeam(input: $input) {\n      teams {\n        ...MyTeam_team\n      }\n    }\n  }\n": types.JoinTeamDocument,
    "\n  query TeamsPage($assignmentId: ID!, $classId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      classId\n      mode\n      title {\n        zh\n        en\n      }\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n    classRoster(classId: $classId) {\n      pupils {\n        id\n        displayName\n        disabled\n      }\n    }\n  }\n": types.TeamsPageDocument,
    "\n  mutation MakeBalancedTeams($input: MakeBalancedTeamsInput!) {\n    makeBalancedTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n": types.MakeBalancedTeamsDocument,
    "\n  mutation SetTeams($input: SetTeamsInput!) {\n    setTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n": types.SetTeamsDocument,
    "\n  mutation RequestWorkUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n": types.RequestWorkUploadDocument,
    "\n  query CiteObjectSearch($search: String!) {\n    collectionObjects(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          accessionNumber\n          title {\n            zh\n            en\n          }\n        }\n      }\n    }\n  }\n": types.CiteObjectSearchDocument,
    "\n  fragment PartEditor_part on WorkPart {\n    partKey\n    revision\n    body\n    evidence {\n      id\n      kind\n      objectId\n      observation\n      title\n      author\n      url\n      seenOn\n      note\n    }\n    attachmentIds\n    updatedAt\n  }\n": types.PartEditor_PartFragmentDoc,
    "\n  fragment AttemptList_version on WorkVersion {\n    id\n    attempt\n    status\n    late\n    submittedAt\n    opened\n    scope\n    feedback {\n      versionId\n      overallComment\n      released\n      score\n      maxPoints\n      comments {\n        id\n        partKey\n        text\n      }\n    }\n  }\n": types.AttemptList_VersionFragmentDoc,
    "\n  mutation SubmitWork($input: SubmitWorkInput!) {\n    submitWork(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n": types.SubmitWorkDocument,
    "\n  mutation WithdrawSubmission($input: SubmissionIdInput!) {\n    withdrawSubmission(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n": types.WithdrawSubmissionDocument,
    "\n  query CompareAttempts($fromVersionId: ID!, $toVersionId: ID!) {\n    compareWorkVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      partKey\n      lines {\n        op\n        text\n      }\n    }\n  }\n": types.CompareAttemptsDocument,
    "\n  query WorkspacePage($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      dueAt\n      mode\n      teams {\n        ...MyTeam_team\n      }\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      milestones {\n        key\n        number\n        dueAt\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n    }\n    myWork(assignmentId: $assignmentId) {\n      id\n      editable\n      parts {\n        ...PartEditor_part\n      }\n      versions {\n        ...AttemptList_version\n      }\n    }\n  }\n": types.WorkspacePageDocument,
    "\n  mutation SaveWorkPart($input: SaveWorkPartInput!) {\n    saveWorkPart(input: $input) {\n      part {\n        ...PartEditor_part\n      }\n    }\n  }\n": types.SaveWorkPartDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorName\n          createdAt\n          subjectType\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int!, $after: String) {\n    auditLog(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorName\n          createdAt\n          subjectType\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminInvitations {\n    invitations {\n      id\n      email\n      role\n      accepted\n      createdAt\n      expiresAt\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AdminInvitations {\n    invitations {\n      id\n      email\n      role\n      accepted\n      createdAt\n      expiresAt\n      school {\n        id\n        name\n      }\n    }\n    schools {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      acceptPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) {\n      acceptPath\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSchools {\n    schools {\n      id\n      name\n      district\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query AdminSchools {\n    schools {\n      id\n      name\n      district\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchool($input: CreateSchoolInput!) {\n    createSchool(input: $input) {\n      school {\n        id\n        name\n        district\n        timeZone\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSchool($input: CreateSchoolInput!) {\n    createSchool(input: $input) {\n      school {\n        id\n        name\n        district\n        timeZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameSchool($input: UpdateSchoolInput!) {\n    updateSchool(input: $input) {\n      school {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameSchool($input: UpdateSchoolInput!) {\n    updateSchool(input: $input) {\n      school {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStaff {\n    staffMembers {\n      id\n      displayName\n      email\n      role\n      disabled\n      school {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStaff {\n    staffMembers {\n      id\n      displayName\n      email\n      role\n      disabled\n      school {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountDisabled($input: SetAccountDisabledInput!) {\n    setAccountDisabled(input: $input) {\n      account {\n        id\n        disabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetAccountDisabled($input: SetAccountDisabledInput!) {\n    setAccountDisabled(input: $input) {\n      account {\n        id\n        disabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePasswordReset($input: CreatePasswordResetInput!) {\n    createPasswordReset(input: $input) {\n      resetPath\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePasswordReset($input: CreatePasswordResetInput!) {\n    createPasswordReset(input: $input) {\n      resetPath\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      me {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      me {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PupilSignIn($input: PupilSignInInput!) {\n    signInPupil(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PupilSignIn($input: PupilSignInInput!) {\n    signInPupil(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompletePasswordReset($input: CompletePasswordResetInput!) {\n    completePasswordReset(input: $input) {\n      passwordChanged\n    }\n  }\n"): (typeof documents)["\n  mutation CompletePasswordReset($input: CompletePasswordResetInput!) {\n    completePasswordReset(input: $input) {\n      passwordChanged\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      me {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignBrief($id: ID!) {\n    brief(id: $id) {\n      id\n      title {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n      }\n    }\n    classes {\n      id\n      name\n      archivedAt\n      school {\n        id\n        timeZone\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssignBrief($id: ID!) {\n    brief(id: $id) {\n      id\n      title {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n      }\n    }\n    classes {\n      id\n      name\n      archivedAt\n      school {\n        id\n        timeZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      assignment {\n        id\n        classId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAssignment($input: CreateAssignmentInput!) {\n    createAssignment(input: $input) {\n      assignment {\n        id\n        classId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BriefCard_brief on Brief {\n    id\n    title {\n      zh\n      en\n    }\n    drivingQuestion {\n      zh\n      en\n    }\n    theme\n    gradeFrom\n    gradeTo\n    status\n    milestones {\n      key\n    }\n  }\n"): (typeof documents)["\n  fragment BriefCard_brief on Brief {\n    id\n    title {\n      zh\n      en\n    }\n    drivingQuestion {\n      zh\n      en\n    }\n    theme\n    gradeFrom\n    gradeTo\n    status\n    milestones {\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BriefEditor($id: ID!) {\n    brief(id: $id) {\n      id\n      editable\n      theme\n      gradeFrom\n      gradeTo\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query BriefEditor($id: ID!) {\n    brief(id: $id) {\n      id\n      editable\n      theme\n      gradeFrom\n      gradeTo\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBrief($input: CreateBriefInput!) {\n    createBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBrief($input: CreateBriefInput!) {\n    createBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBrief($input: UpdateBriefInput!) {\n    updateBrief(input: $input) {\n      brief {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBrief($input: UpdateBriefInput!) {\n    updateBrief(input: $input) {\n      brief {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BriefLibrary($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    briefLibrary(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query BriefLibrary($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    briefLibrary(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBriefs($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    myBriefs(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBriefs($first: Int!, $after: String, $search: String, $theme: Theme, $grade: Int) {\n    myBriefs(first: $first, after: $after, search: $search, theme: $theme, grade: $grade) {\n      edges {\n        cursor\n        node {\n          id\n          ...BriefCard_brief\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BriefPage($id: ID!) {\n    brief(id: $id) {\n      id\n      version\n      status\n      editable\n      inLibrary\n      theme\n      gradeFrom\n      gradeTo\n      maxPoints\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BriefPage($id: ID!) {\n    brief(id: $id) {\n      id\n      version\n      status\n      editable\n      inLibrary\n      theme\n      gradeFrom\n      gradeTo\n      maxPoints\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      learningGoals {\n        zh\n        en\n      }\n      milestones {\n        key\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n      rubric {\n        key\n        title {\n          zh\n          en\n        }\n        levels {\n          points\n          descriptor {\n            zh\n            en\n          }\n        }\n      }\n      suggestedObjects {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CopyBrief($input: BriefIdInput!) {\n    copyBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CopyBrief($input: BriefIdInput!) {\n    copyBrief(input: $input) {\n      brief {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishBrief($input: BriefIdInput!) {\n    publishBrief(input: $input) {\n      brief {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishBrief($input: BriefIdInput!) {\n    publishBrief(input: $input) {\n      brief {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPupil($input: AddPupilInput!) {\n    addPupil(input: $input) {\n      pupilCode\n      pupil {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddPupil($input: AddPupilInput!) {\n    addPupil(input: $input) {\n      pupilCode\n      pupil {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassPage($id: ID!) {\n    class(id: $id) {\n      id\n      name\n      grade\n      schoolYear\n      classCode\n      archivedAt\n      viewerCanManage\n      school {\n        id\n        name\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n    classRoster(classId: $id) {\n      pupils {\n        id\n        displayName\n        studentNumber\n        disabled\n      }\n    }\n    signInCards(classId: $id) {\n      classId\n      cards {\n        pupilId\n        pupilCode\n      }\n    }\n    classAssignments(classId: $id, first: 50) {\n      edges {\n        node {\n          id\n          briefId\n          title {\n            zh\n            en\n          }\n          startsAt\n          dueAt\n          mode\n          museumSession {\n            kind\n            at\n            place\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassPage($id: ID!) {\n    class(id: $id) {\n      id\n      name\n      grade\n      schoolYear\n      classCode\n      archivedAt\n      viewerCanManage\n      school {\n        id\n        name\n      }\n      teachers {\n        id\n        displayName\n      }\n    }\n    classRoster(classId: $id) {\n      pupils {\n        id\n        displayName\n        studentNumber\n        disabled\n      }\n    }\n    signInCards(classId: $id) {\n      classId\n      cards {\n        pupilId\n        pupilCode\n      }\n    }\n    classAssignments(classId: $id, first: 50) {\n      edges {\n        node {\n          id\n          briefId\n          title {\n            zh\n            en\n          }\n          startsAt\n          dueAt\n          mode\n          museumSession {\n            kind\n            at\n            place\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddClassTeacher($input: AddClassTeacherInput!) {\n    addClassTeacher(input: $input) {\n      class {\n        id\n        teachers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddClassTeacher($input: AddClassTeacherInput!) {\n    addClassTeacher(input: $input) {\n      class {\n        id\n        teachers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveClass($input: ArchiveClassInput!) {\n    archiveClass(input: $input) {\n      class {\n        id\n        archivedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveClass($input: ArchiveClassInput!) {\n    archiveClass(input: $input) {\n      class {\n        id\n        archivedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyClasses {\n    classes {\n      id\n      name\n      grade\n      schoolYear\n      pupilCount\n      archivedAt\n      school {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyClasses {\n    classes {\n      id\n      name\n      grade\n      schoolYear\n      pupilCount\n      archivedAt\n      school {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClass($input: CreateClassInput!) {\n    createClass(input: $input) {\n      class {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateClass($input: CreateClassInput!) {\n    createClass(input: $input) {\n      class {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewRoster($classId: ID!, $csv: String!) {\n    previewRoster(classId: $classId, csv: $csv) {\n      valid\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewRoster($classId: ID!, $csv: String!) {\n    previewRoster(classId: $classId, csv: $csv) {\n      valid\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportRoster($input: ImportRosterInput!) {\n    importRoster(input: $input) {\n      imported\n      importedCount\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportRoster($input: ImportRosterInput!) {\n    importRoster(input: $input) {\n      imported\n      importedCount\n      rows {\n        line\n        displayName\n        studentNumber\n        problems\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPupilCode($input: ResetPupilCodeInput!) {\n    resetPupilCode(input: $input) {\n      pupilId\n      pupilCode\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPupilCode($input: ResetPupilCodeInput!) {\n    resetPupilCode(input: $input) {\n      pupilId\n      pupilCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInCards($classId: ID!) {\n    signInCards(classId: $classId) {\n      classId\n      className\n      classCode\n      cards {\n        pupilId\n        displayName\n        pupilCode\n        signInPath\n      }\n    }\n  }\n"): (typeof documents)["\n  query SignInCards($classId: ID!) {\n    signInCards(classId: $classId) {\n      classId\n      className\n      classCode\n      cards {\n        pupilId\n        displayName\n        pupilCode\n        signInPath\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n"): (typeof documents)["\n  fragment CollectionObjectCard_object on CollectionObject {\n    id\n    accessionNumber\n    title {\n      zh\n      en\n    }\n    maker {\n      zh\n      en\n    }\n    period {\n      zh\n      en\n    }\n    themes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query CollectionPage($first: Int!, $after: String, $search: String, $theme: Theme) {\n    collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CollectionObjectCard_object\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n"): (typeof documents)["\n  query ObjectPage($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCollectionObjects($input: ImportCollectionInput!) {\n    importCollectionObjects(input: $input) {\n      imported\n    }\n  }\n"): (typeof documents)["\n  mutation ImportCollectionObjects($input: ImportCollectionInput!) {\n    importCollectionObjects(input: $input) {\n      imported\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectEditor($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n      ...ObjectImages_Object\n    }\n  }\n"): (typeof documents)["\n  query ObjectEditor($id: ID!) {\n    collectionObject(id: $id) {\n      id\n      accessionNumber\n      title {\n        zh\n        en\n      }\n      maker {\n        zh\n        en\n      }\n      period {\n        zh\n        en\n      }\n      kind {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      location\n      rightsStatement\n      themes\n      ...ObjectImages_Object\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCollectionObject($input: CreateCollectionObjectInput!) {\n    createCollectionObject(input: $input) {\n      object {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCollectionObject($input: CreateCollectionObjectInput!) {\n    createCollectionObject(input: $input) {\n      object {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCollectionObject($input: UpdateCollectionObjectInput!) {\n    updateCollectionObject(input: $input) {\n      object {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n        maker {\n          zh\n          en\n        }\n        period {\n          zh\n          en\n        }\n        kind {\n          zh\n          en\n        }\n        description {\n          zh\n          en\n        }\n        location\n        rightsStatement\n        themes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCollectionObject($input: UpdateCollectionObjectInput!) {\n    updateCollectionObject(input: $input) {\n      object {\n        id\n        accessionNumber\n        title {\n          zh\n          en\n        }\n        maker {\n          zh\n          en\n        }\n        period {\n          zh\n          en\n        }\n        kind {\n          zh\n          en\n        }\n        description {\n          zh\n          en\n        }\n        location\n        rightsStatement\n        themes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObjectImages_Object on CollectionObject {\n    id\n    images {\n      fileId\n      caption\n      thumbnailUrl\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment ObjectImages_Object on CollectionObject {\n    id\n    images {\n      fileId\n      caption\n      thumbnailUrl\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCollectionImageUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n"): (typeof documents)["\n  mutation RequestCollectionImageUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCollectionObjectImage($input: AddCollectionObjectImageInput!) {\n    addCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddCollectionObjectImage($input: AddCollectionObjectImageInput!) {\n    addCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCollectionObjectImage($input: RemoveCollectionObjectImageInput!) {\n    removeCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveCollectionObjectImage($input: RemoveCollectionObjectImageInput!) {\n    removeCollectionObjectImage(input: $input) {\n      object {\n        ...ObjectImages_Object\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PupilHome($first: Int!, $after: String) {\n    myAssignments(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          className\n          mode\n          dueAt\n          title {\n            zh\n            en\n          }\n          drivingQuestion {\n            zh\n            en\n          }\n          nextMilestone {\n            key\n            number\n            dueAt\n            title {\n              zh\n              en\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PupilHome($first: Int!, $after: String) {\n    myAssignments(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          className\n          mode\n          dueAt\n          title {\n            zh\n            en\n          }\n          drivingQuestion {\n            zh\n            en\n          }\n          nextMilestone {\n            key\n            number\n            dueAt\n            title {\n              zh\n              en\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyTeam_team on Team {\n    id\n    name\n    members {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MyTeam_team on Team {\n    id\n    name\n    members {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinTeam($input: JoinTeamInput!) {\n    joinTeam(input: $input) {\n      teams {\n        ...MyTeam_team\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinTeam($input: JoinTeamInput!) {\n    joinTeam(input: $input) {\n      teams {\n        ...MyTeam_team\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsPage($assignmentId: ID!, $classId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      classId\n      mode\n      title {\n        zh\n        en\n      }\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n    classRoster(classId: $classId) {\n      pupils {\n        id\n        displayName\n        disabled\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamsPage($assignmentId: ID!, $classId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      classId\n      mode\n      title {\n        zh\n        en\n      }\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n    classRoster(classId: $classId) {\n      pupils {\n        id\n        displayName\n        disabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MakeBalancedTeams($input: MakeBalancedTeamsInput!) {\n    makeBalancedTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MakeBalancedTeams($input: MakeBalancedTeamsInput!) {\n    makeBalancedTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeams($input: SetTeamsInput!) {\n    setTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetTeams($input: SetTeamsInput!) {\n    setTeams(input: $input) {\n      teams {\n        id\n        name\n        members {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestWorkUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n"): (typeof documents)["\n  mutation RequestWorkUpload($input: RequestUploadInput!) {\n    requestUpload(input: $input) {\n      ticket\n      uploadUrl\n      maxBytes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CiteObjectSearch($search: String!) {\n    collectionObjects(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          accessionNumber\n          title {\n            zh\n            en\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CiteObjectSearch($search: String!) {\n    collectionObjects(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          accessionNumber\n          title {\n            zh\n            en\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PartEditor_part on WorkPart {\n    partKey\n    revision\n    body\n    evidence {\n      id\n      kind\n      objectId\n      observation\n      title\n      author\n      url\n      seenOn\n      note\n    }\n    attachmentIds\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PartEditor_part on WorkPart {\n    partKey\n    revision\n    body\n    evidence {\n      id\n      kind\n      objectId\n      observation\n      title\n      author\n      url\n      seenOn\n      note\n    }\n    attachmentIds\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttemptList_version on WorkVersion {\n    id\n    attempt\n    status\n    late\n    submittedAt\n    opened\n    scope\n    feedback {\n      versionId\n      overallComment\n      released\n      score\n      maxPoints\n      comments {\n        id\n        partKey\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AttemptList_version on WorkVersion {\n    id\n    attempt\n    status\n    late\n    submittedAt\n    opened\n    scope\n    feedback {\n      versionId\n      overallComment\n      released\n      score\n      maxPoints\n      comments {\n        id\n        partKey\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitWork($input: SubmitWorkInput!) {\n    submitWork(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitWork($input: SubmitWorkInput!) {\n    submitWork(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawSubmission($input: SubmissionIdInput!) {\n    withdrawSubmission(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawSubmission($input: SubmissionIdInput!) {\n    withdrawSubmission(input: $input) {\n      version {\n        ...AttemptList_version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareAttempts($fromVersionId: ID!, $toVersionId: ID!) {\n    compareWorkVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      partKey\n      lines {\n        op\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompareAttempts($fromVersionId: ID!, $toVersionId: ID!) {\n    compareWorkVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      partKey\n      lines {\n        op\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspacePage($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      dueAt\n      mode\n      teams {\n        ...MyTeam_team\n      }\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      milestones {\n        key\n        number\n        dueAt\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n    }\n    myWork(assignmentId: $assignmentId) {\n      id\n      editable\n      parts {\n        ...PartEditor_part\n      }\n      versions {\n        ...AttemptList_version\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspacePage($assignmentId: ID!) {\n    assignment(id: $assignmentId) {\n      id\n      dueAt\n      mode\n      teams {\n        ...MyTeam_team\n      }\n      title {\n        zh\n        en\n      }\n      drivingQuestion {\n        zh\n        en\n      }\n      milestones {\n        key\n        number\n        dueAt\n        title {\n          zh\n          en\n        }\n        prompt {\n          zh\n          en\n        }\n        handIn {\n          zh\n          en\n        }\n      }\n    }\n    myWork(assignmentId: $assignmentId) {\n      id\n      editable\n      parts {\n        ...PartEditor_part\n      }\n      versions {\n        ...AttemptList_version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveWorkPart($input: SaveWorkPartInput!) {\n    saveWorkPart(input: $input) {\n      part {\n        ...PartEditor_part\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveWorkPart($input: SaveWorkPartInput!) {\n    saveWorkPart(input: $input) {\n      part {\n        ...PartEditor_part\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;