const MIN_PASSWORD_LENGTH = 12;

/**
 * Why a password is refused, or null. At least 12 characters (letters as people count them, not
 * UTF-16 units), not only spaces, and not the user's own name.
 */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.trim() === '') return 'A password cannot be only spaces';
  if (password.trim().toLowerCase() === username.toLowerCase()) return 'A password cannot be the username';
  return null;
}
