// Public messages for every error code, in both languages Rukun speaks. Keys are the contract's codes.
import type { Locale } from './contracts/api';

export const ERROR_MESSAGES = {
  malformed_json: { en: 'The request body is not valid JSON.', id: 'Isi permintaan bukan JSON yang valid.' },
  bad_request: { en: 'The request is malformed.', id: 'Permintaan tidak dapat dipahami.' },
  validation_failed: { en: 'Some fields are invalid.', id: 'Beberapa isian tidak valid.' },
  unauthenticated: { en: 'Please sign in first.', id: 'Silakan masuk terlebih dahulu.' },
  forbidden: { en: 'You are not allowed to do this.', id: 'Anda tidak diizinkan melakukan ini.' },
  origin_mismatch: {
    en: 'This request came from another site and was refused.',
    id: 'Permintaan ini berasal dari situs lain dan ditolak.',
  },
  not_found: { en: 'Not found.', id: 'Tidak ditemukan.' },
  payload_too_large: { en: 'The request body is too large.', id: 'Isi permintaan terlalu besar.' },
  unsupported_media_type: {
    en: 'Send JSON with Content-Type: application/json.',
    id: 'Kirim JSON dengan Content-Type: application/json.',
  },
  rate_limited: { en: 'Too many requests. Try again later.', id: 'Terlalu banyak permintaan. Coba lagi nanti.' },
  handle_taken: { en: 'That handle is already taken.', id: 'Nama pengguna itu sudah dipakai.' },
  email_taken: { en: 'That e-mail address is already registered.', id: 'Alamat e-mail itu sudah terdaftar.' },
  invalid_credentials: { en: 'Wrong login or password.', id: 'Login atau kata sandi salah.' },
  slug_taken: { en: 'That community address is already taken.', id: 'Alamat komunitas itu sudah dipakai.' },
  banned: { en: 'You are banned from this community.', id: 'Anda diblokir dari komunitas ini.' },
  muted: { en: 'You are muted in this community.', id: 'Anda sedang dibisukan di komunitas ini.' },
  suspended: { en: 'You are suspended in this community.', id: 'Anda sedang diskors di komunitas ini.' },
  not_a_member: { en: 'Join the community first.', id: 'Bergabunglah dengan komunitas ini terlebih dahulu.' },
  already_member: { en: 'You are already a member.', id: 'Anda sudah menjadi anggota.' },
  content_blocked: {
    en: 'This text is not allowed in this community.',
    id: 'Teks ini tidak diizinkan di komunitas ini.',
  },
  invalid_parent: { en: 'You can only reply to a published post.', id: 'Balasan hanya untuk kiriman yang sudah terbit.' },
  post_not_editable: { en: 'This post can no longer be edited.', id: 'Kiriman ini tidak bisa diubah lagi.' },
  already_responded: { en: 'You have already answered this survey.', id: 'Anda sudah menjawab survei ini.' },
  survey_closed: { en: 'This survey is closed.', id: 'Survei ini sudah ditutup.' },
  survey_not_open: { en: 'This survey is not open yet.', id: 'Survei ini belum dibuka.' },
  survey_locked: {
    en: 'This change would invalidate answers already given.',
    id: 'Perubahan ini akan membuat jawaban yang sudah masuk tidak berlaku.',
  },
  results_hidden: {
    en: 'Results stay hidden until 5 members have answered.',
    id: 'Hasil tetap tersembunyi sampai 5 anggota menjawab.',
  },
  event_cancelled: { en: 'This event has been cancelled.', id: 'Acara ini sudah dibatalkan.' },
  event_ended: { en: 'This event has already ended.', id: 'Acara ini sudah selesai.' },
  rsvp_not_going: {
    en: 'Only members who are going can be checked in.',
    id: 'Hanya anggota yang terdaftar akan hadir yang bisa check-in.',
  },
  checkin_closed: {
    en: 'Check-in is open from 24 hours before the event starts until 24 hours after it ends.',
    id: 'Check-in dibuka mulai 24 jam sebelum acara dimulai sampai 24 jam setelah acara selesai.',
  },
  last_owner: {
    en: 'A community needs at least one owner.',
    id: 'Komunitas harus memiliki setidaknya satu pemilik.',
  },
  sanction_lifted: { en: 'This sanction was already lifted.', id: 'Sanksi ini sudah dicabut.' },
  already_claimed: {
    en: 'Another moderator is looking at this item.',
    id: 'Moderator lain sedang menangani item ini.',
  },
  version_conflict: {
    en: 'This item changed since you loaded it. Review the current version.',
    id: 'Item ini berubah sejak Anda membukanya. Tinjau versi terbarunya.',
  },
  already_reported: { en: 'You have already reported this post.', id: 'Anda sudah melaporkan kiriman ini.' },
  item_resolved: { en: 'This item has already been decided.', id: 'Item ini sudah diputuskan.' },
  own_post: {
    en: 'You cannot approve or remove your own post. Another moderator decides it, or escalate it.',
    id: 'Anda tidak dapat menyetujui atau menghapus kiriman Anda sendiri. Moderator lain yang memutuskannya, atau eskalasikan.',
  },
  own_feedback: {
    en: 'Staff do not release or resolve their own feedback.',
    id: 'Staf tidak melepas atau menyelesaikan masukan miliknya sendiri.',
  },
  reason_required: { en: 'Give a reason for removing this post.', id: 'Berikan alasan untuk menghapus kiriman ini.' },
  service_unavailable: {
    en: 'A service Rukun depends on is unavailable. Try again shortly.',
    id: 'Layanan yang dibutuhkan Rukun sedang tidak tersedia. Coba lagi sebentar lagi.',
  },
  internal: { en: 'Something went wrong on our side.', id: 'Terjadi kesalahan di pihak kami.' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The public sentence for an error code in the reader's language. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_MESSAGES[code][locale];
}
