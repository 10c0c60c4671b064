import { describe, expect, it } from 'vitest';
import { glpiRoot, ticketUrl } from '../../shared/patterns/report/ticket-links';

describe('GLPI ticket addresses for the reports (issue 16)', () => {
	it("takes the address as GLPI's root folder, whatever page or query follows", () => {
		expect(glpiRoot('https://glpi.example/')).toBe('https://glpi.example/');
		expect(glpiRoot('https://glpi.example')).toBe('https://glpi.example/');
		expect(glpiRoot(' https://Example.ORG/glpi ')).toBe('https://example.org/glpi/');
		expect(glpiRoot('https://example.org/glpi/front/ticket.php?is_deleted=0#list')).toBe('https://example.org/glpi/');
		expect(glpiRoot('http://user:secret@10.0.0.7:8080/support//')).toBe('http://10.0.0.7:8080/support/');
		expect(glpiRoot('https://[::1]:8443/')).toBe('https://[::1]:8443/');
	});

	it('percent-encodes what a path cannot hold and refuses what is not an http(s) address', () => {
		expect(glpiRoot('https://glpi.example/a"b<c>/')).toBe('https://glpi.example/a%22b%3Cc%3E/');
		for (const address of ['javascript:alert(1)', 'data:text/html,x', 'ftp://glpi.example/', 'glpi.example', 'https://glpi example/', 'https://<x>/', '']) {
			expect(glpiRoot(address), address).toBeUndefined();
		}
	});

	it("builds GLPI's ticket form address", () => {
		expect(ticketUrl('https://example.org/glpi/', 42)).toBe('https://example.org/glpi/front/ticket.form.php?id=42');
	});
});
