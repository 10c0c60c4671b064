/**
 * English and French stop words, accent-free and lower-case (they are matched after folding), plus the words of
 * ticket boilerplate in both languages ("hello", "bonjour", "please", "merci") that say nothing about the subject.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	`a about above after again against all am an and any are as at be because been before being below between both but
by can cannot could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not of off on once only
or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves also get got getting still since via per etc every always never
sometimes anymore now today yesterday tomorrow
hello hi dear thanks thank please regards best kind team hey ok okay
au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi mon ne nos notre
nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete
etee etees etes etant suis es est sommes sont serai sera serons seront serais serait serions seriez seraient etais
etait etions etiez etaient fus fut fumes furent sois soit soyons soyez soient ai as avons avez ont aurai aura aurons
auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eu eus eut eumes eurent aie aies ait
ayons ayez aient cet cette ceci cela ca celui celle ceux celles tout tous toute toutes plus moins tres aussi bien
encore deja alors donc car comme si sans sous chez entre vers depuis pendant avant apres ni leurs quand
chaque toujours jamais parfois maintenant aujourd hui hier demain
bonjour salut merci cordialement svp stp madame monsieur equipe`.split(/\s+/),
);
