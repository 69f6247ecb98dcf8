import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context';
import { EmailLinkRequestPage, ResetPasswordPage, SignInLinkPage } from './auth/email-link-pages';
import { RequireAuth } from './auth/require-auth';
import { AnnouncerProvider } from './components/announcer';
import { ErrorBoundary } from './components/error-boundary';
import { I18nProvider } from './i18n/i18n';
import { AppLayout } from './layout/app-layout';
import { EventLayout, adminArea, eventAreas } from './layout/event-layout';
import { AdminPage } from './pages/admin-page';
import { AgendaPage } from './pages/agenda-page';
import { AreaPage } from './pages/area-page';
import { WorkshopRoomPage } from './workshops/workshop-room-page';
import { WorkshopsPage } from './workshops/workshops-page';
import { BoothPage } from './pages/booth-page';
import { EventHomePage } from './pages/event-home-page';
import { ExpoPage } from './pages/expo-page';
import { HomePage } from './pages/home-page';
import { InvitePage } from './pages/invite-page';
import { LoginPage } from './pages/login-page';
import { NewEventPage } from './pages/new-event-page';
import { NotFoundContent, NotFoundPage } from './pages/not-found-page';
import { ProgrammeManagePage } from './pages/programme-manage-page';
import { ProgrammePage } from './pages/programme-page';
import { SessionPage } from './pages/session-page';
import { SpeakerPage } from './pages/speaker-page';
import { BackstagePage } from './pages/backstage-page';
import { StageDisplayPage } from './pages/stage-display-page';
import { SessionLivePage } from './pages/session-live-page';
import { MediathekPage, PublicMediathekPage } from './ondemand/mediathek-page';
import { MyDataPage } from './privacy/my-data-page';
import { ReminderPreferencesPage } from './reminders/reminder-preferences-page';
import { ReportsPage } from './reports/reports-page';
import { UnsubscribePage } from './reminders/unsubscribe-page';

export function App() {
  return (
    <BrowserRouter>
      <I18nProvider>
        <ErrorBoundary>
          <AnnouncerProvider>
            <AuthProvider>
              <Routes>
                <Route element={<AppLayout />}>
                  <Route path="login" element={<LoginPage />} />
                  <Route
                    path="forgot-password"
                    element={<EmailLinkRequestPage purpose="password-reset" />}
                  />
                  <Route path="login/link" element={<EmailLinkRequestPage purpose="sign-in" />} />
                  <Route path="reset-password" element={<ResetPasswordPage />} />
                  <Route path="sign-in-link" element={<SignInLinkPage />} />
                  <Route path="invite" element={<InvitePage />} />
                  <Route path="invite/:token" element={<InvitePage />} />
                  <Route path="unsubscribe" element={<UnsubscribePage />} />
                  <Route path="events/:slug/mediathek" element={<PublicMediathekPage />} />
                  <Route element={<RequireAuth />}>
                    <Route index element={<HomePage />} />
                    <Route path="my-data" element={<MyDataPage />} />
                    <Route path="events/new" element={<NewEventPage />} />
                    <Route path="e/:slug" element={<EventLayout />}>
                      <Route index element={<EventHomePage />} />
                      <Route path="programme" element={<ProgrammePage />} />
                      <Route path="programme/manage" element={<ProgrammeManagePage />} />
                      <Route path="programme/sessions/:sessionId" element={<SessionPage />} />
                      <Route path="programme/speakers/:speakerId" element={<SpeakerPage />} />
                      <Route path="workshops" element={<WorkshopsPage />} />
                      <Route path="workshops/:sessionId" element={<WorkshopRoomPage />} />
                      <Route path="agenda" element={<AgendaPage />} />
                      <Route path="mediathek" element={<MediathekPage />} />
                      <Route path="expo" element={<ExpoPage />} />
                      <Route path="expo/:boothSlug" element={<BoothPage />} />
                      {eventAreas
                        .filter(
                          (area) =>
                            area !== 'programme' &&
                            area !== 'agenda' &&
                            area !== 'workshops' &&
                            area !== 'mediathek',
                        )
                        .map((area) => (
                          <Route key={area} path={area} element={<AreaPage area={area} />} />
                        ))}
                      <Route path={adminArea} element={<AdminPage />} />
                      <Route path="reports" element={<ReportsPage />} />
                      <Route path="sessions/:sessionId" element={<SessionLivePage />} />
                      <Route path="reminders" element={<ReminderPreferencesPage />} />
                      <Route path="sessions/:sessionId/display" element={<StageDisplayPage />} />
                      <Route path="stages/:stageId/backstage" element={<BackstagePage />} />
                      <Route path="*" element={<NotFoundContent />} />
                    </Route>
                  </Route>
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </AuthProvider>
          </AnnouncerProvider>
        </ErrorBoundary>
      </I18nProvider>
    </BrowserRouter>
  );
}
