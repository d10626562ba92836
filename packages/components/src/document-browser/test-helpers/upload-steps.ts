/** Steps of adding a document through the browser's dialog, shared by the local and connected tests. */
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetDocumentBrowser } from '../document-browser.js';
import { part, shadow, text } from './browser-fixtures.js';
import { tinyPdf } from './sample-documents.js';

export function pdfFile(name: string): File {
  return new File([tinyPdf()], name, { type: 'application/pdf', lastModified: Date.UTC(2025, 0, 2) });
}

/** Gives a file to the dialog's picker, as the browser does once the patient has chosen it. */
export async function choose(
  browser: CarnetDocumentBrowser,
  file: File,
  selector = 'input[part="upload-file"]',
): Promise<void> {
  await waitUntil(() => shadow(browser).querySelector(selector), 'file picker shown');
  const input = part<HTMLInputElement>(browser, selector);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await browser.updateComplete;
}

export async function openUpload(browser: CarnetDocumentBrowser): Promise<HTMLDialogElement> {
  await waitUntil(() => shadow(browser).querySelector('button[part="add"]'), 'add button shown');
  part<HTMLButtonElement>(browser, 'button[part="add"]').click();
  const dialog = part<HTMLDialogElement>(browser, 'dialog[part="upload-dialog"]');
  await waitUntil(() => dialog.open, 'upload dialog open');
  return dialog;
}

export function field<T extends HTMLInputElement | HTMLSelectElement>(browser: CarnetDocumentBrowser, id: string): T {
  return part<T>(browser, `#${id}`);
}

export async function type(browser: CarnetDocumentBrowser, id: string, value: string): Promise<void> {
  const input = field(browser, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await browser.updateComplete;
}

/** Types into a field as a person does: focus, select what is there, erase it, type on the keyboard. */
export async function typeKeys(browser: CarnetDocumentBrowser, id: string, value: string): Promise<void> {
  const input = field<HTMLInputElement>(browser, id);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value !== '') await sendKeys({ type: value });
  await browser.updateComplete;
}

export async function detailsShown(browser: CarnetDocumentBrowser): Promise<void> {
  await waitUntil(() => shadow(browser).querySelector('#upload-title'), 'details shown');
}

export function problem(browser: CarnetDocumentBrowser): string {
  return text(shadow(browser).querySelector('[part="upload-error"]'));
}
