// State of the login form (returned by requestSignInLink, rendered by LoginForm).
export type LoginState = {
  fieldErrors?: { email?: "invalid" };
  formError?: "rateLimited" | "busy" | "failed";
  /** With formError "rateLimited": whole minutes until the window ends. */
  retryAfterMinutes?: number;
  /** The submitted input, so the field keeps it. */
  values?: { email: string };
};
